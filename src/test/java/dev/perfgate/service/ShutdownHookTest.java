package dev.perfgate.service;

import static dev.perfgate.testing.TestApps.eventually;
import static dev.perfgate.testing.TestApps.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.perfgate.testing.apps.Launcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C safety: a separate JVM (standing in for Maven) starts a service, then is interrupted; the service, its
 * grandchild from here, must not outlive it.
 */
@Timeout(300)
@Tag("slow")
class ShutdownHookTest {
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void sigintToTheBuildJvmStopsTheService() throws Exception {
        Process launcher = startLauncher();
        long child = -1;
        try {
            child = childPid(launcher);
            // A JVM keeps SIGINT ignored when it inherited it ignored (e.g. started in the background by a
            // non-interactive shell); then it cannot be interrupted at all and there is nothing to test.
            assumeFalse(ignoresSigint(launcher.pid()), "SIGINT is ignored in this environment");
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).inheritIO().start();
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertGone(launcher, child);
        } finally {
            cleanUp(launcher, child);
        }
    }

    @Test
    void sigtermToTheBuildJvmStopsTheService() throws Exception {
        Process launcher = startLauncher();
        long child = -1;
        try {
            child = childPid(launcher);
            launcher.destroy(); // SIGTERM
            assertGone(launcher, child);
        } finally {
            cleanUp(launcher, child);
        }
    }

    /** When the test fails, do not leave its processes behind for the next ones. */
    private static void cleanUp(Process launcher, long child) {
        launcher.destroyForcibly();
        if (child > 0) {
            ProcessHandle.of(child).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private void assertGone(Process launcher, long child) throws Exception {
        assertThat(launcher.waitFor(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("launcher exits").isTrue();
        assertThat(eventually(GENEROUS, () -> !running(child))).as("service pid %d is gone", child).isTrue();
        assertThat(Files.readString(dir.resolve("service.log"))).contains("EchoServer listening");
    }

    private Process startLauncher() throws IOException {
        List<String> command = List.of(ServiceSpec.currentJava().toString(), "-cp",
                System.getProperty("java.class.path"), Launcher.class.getName(),
                dir.resolve("service.log").toString());
        return new ProcessBuilder(command).redirectError(dir.resolve("launcher.err").toFile()).start();
    }

    /** Reads the launcher's stdout until it names its child, within a generous timeout. */
    private long childPid(Process launcher) throws Exception {
        CompletableFuture<Long> pid = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader reader = new BufferedReader(
                        new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.startsWith("CHILD_PID=")) {
                        return Long.parseLong(line.substring("CHILD_PID=".length()).trim());
                    }
                }
                throw new IllegalStateException("launcher ended without naming its child");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return pid.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("launcher did not report its child; stderr: "
                    + Files.readString(dir.resolve("launcher.err")), e);
        }
    }

    private static boolean ignoresSigint(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long mask = Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16);
                return (mask & (1L << (2 - 1))) != 0; // SIGINT is 2
            }
        }
        return false;
    }
}
