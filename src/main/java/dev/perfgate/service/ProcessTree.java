package dev.perfgate.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Stops a process and everything it started. */
public final class ProcessTree {
    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");

    private ProcessTree() {
    }

    /**
     * True while {@code handle} runs. Unlike {@link ProcessHandle#isAlive()}, a zombie counts as gone: orphans are
     * re-parented to PID 1, and in containers PID 1 is often not an init that reaps them, so a killed orphan can stay
     * a zombie for ever while {@code isAlive()} keeps saying true.
     */
    public static boolean isRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        return !LINUX || !isZombie(handle.pid());
    }

    private static boolean isZombie(long pid) {
        try {
            // /proc/<pid>/stat: "pid (comm) S ..."; comm may contain spaces and parentheses, so look after the last ')'.
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return true; // gone between the two checks
        }
    }

    /**
     * Stops {@code process} and its descendants: SIGTERM to all of them, then SIGKILL to whatever still runs after
     * {@code grace}, then waits up to {@code forcedWait} for them to be gone.
     *
     * @return the processes still running at the end (normally none)
     */
    static List<ProcessHandle> stop(Process process, Duration grace, Duration forcedWait) {
        // Snapshot the descendants before the parent dies: its orphans are re-parented to PID 1 and are no longer
        // reachable through process.descendants().
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(process.toHandle());
        tree.addAll(process.descendants().toList());

        // Politely, parent first: it may want to stop its own children in order (e.g. a launcher script's JVM).
        tree.forEach(ProcessHandle::destroy);
        if (waitGone(process, tree, grace)) {
            return List.of();
        }

        // Survivors may have started new children meanwhile.
        for (ProcessHandle handle : List.copyOf(tree)) {
            if (isRunning(handle)) {
                tree.addAll(handle.descendants().toList());
            }
        }
        for (ProcessHandle handle : tree) {
            if (isRunning(handle)) {
                handle.destroyForcibly();
            }
        }
        waitGone(process, tree, forcedWait);
        List<ProcessHandle> left = new ArrayList<>();
        for (ProcessHandle handle : tree) {
            if (isRunning(handle)) {
                left.add(handle);
            }
        }
        return left;
    }

    private static boolean waitGone(Process process, Set<ProcessHandle> tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            // Process.isAlive() for our direct child also lets the JDK reap it.
            boolean running = process.isAlive() || tree.stream().anyMatch(ProcessTree::isRunning);
            if (!running) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
