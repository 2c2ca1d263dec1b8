package dev.perfgate.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every {@link ServiceProcess} still running in this JVM, and every {@link AttachedRecording} still recording in a
 * JVM perfgate did not start, and the single shutdown hook that stops them when the build JVM exits: Ctrl-C
 * (SIGINT), {@code kill} (SIGTERM), {@code System.exit} or the end of {@code main}.
 *
 * <p>Nothing written in Java survives SIGKILL ({@code kill -9}, the OOM killer, a CI runner that kills hard): the
 * hook does not run and the service is left behind, re-parented to PID 1 (an attached recording stops itself
 * later, see {@link AttachedRecording}). On Linux only the child itself could arrange to die with its parent
 * ({@code prctl(PR_SET_PDEATHSIG)}, or a small wrapper doing it); that needs native code or a helper binary and is
 * deliberately not done here. CI systems normally kill the whole process group or
 * container, which takes the service with it.
 */
final class ServiceRegistry {
    private static final Set<AutoCloseable> RUNNING = ConcurrentHashMap.newKeySet();
    private static final long RECORDING_CLOSE_MILLIS = 30_000;
    private static boolean hookInstalled;

    private ServiceRegistry() {
    }

    /** @throws IllegalStateException when the JVM is already shutting down */
    static void register(AutoCloseable running) {
        installHookOnce();
        RUNNING.add(running);
    }

    static void unregister(AutoCloseable running) {
        RUNNING.remove(running);
    }

    private static synchronized void installHookOnce() {
        if (!hookInstalled) {
            Thread hook = new Thread(ServiceRegistry::closeAll, "perfgate-service-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            hookInstalled = true;
        }
    }

    /**
     * Closes what is running in parallel, so N services take one grace period, not N. A service's close is bounded
     * by its stop timeout; an attached recording's JMX calls are not (RMI has no per-call timeout), so exit waits
     * for them at most {@value #RECORDING_CLOSE_MILLIS} ms.
     */
    static void closeAll() {
        List<Thread> services = new ArrayList<>();
        List<Thread> recordings = new ArrayList<>();
        for (AutoCloseable running : List.copyOf(RUNNING)) {
            boolean service = running instanceof ServiceProcess;
            Thread closer = new Thread(() -> closeQuietly(running), service
                    ? "perfgate-stop-" + ((ServiceProcess) running).pid() : "perfgate-stop-recording");
            closer.setDaemon(true);
            closer.start();
            (service ? services : recordings).add(closer);
        }
        long deadline = System.nanoTime() + RECORDING_CLOSE_MILLIS * 1_000_000;
        for (Thread closer : recordings) {
            try {
                closer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        for (Thread closer : services) {
            try {
                closer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable running) {
        try {
            running.close();
        } catch (Exception ignored) {
            // the JVM is exiting; there is no one left to tell
        }
    }
}
