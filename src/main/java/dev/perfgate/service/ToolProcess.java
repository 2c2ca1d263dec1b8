package dev.perfgate.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A load tool's process for one trial (locust, k6, a forked JMeter): started with its output going to a file, waited
 * for until a deadline, and stopped with everything it started whatever happens: on return, on a timeout, on an
 * exception and, through the shutdown hook services share, on Ctrl-C.
 */
public final class ToolProcess implements AutoCloseable {
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Duration FORCED_WAIT = Duration.ofSeconds(5);

    private final Process process;
    private final Path output;

    private ToolProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * Starts {@code argv} in {@code directory}, stdout and stderr appended to {@code output}.
     *
     * @throws IOException when it cannot be started (e.g. the executable is not installed)
     */
    public static ToolProcess start(List<String> argv, Map<String, String> environment, Path directory, Path output)
            throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        ToolProcess tool = new ToolProcess(process, output);
        try {
            ServiceRegistry.register(tool);
        } catch (IllegalStateException e) {
            tool.close(); // the build JVM is already shutting down
            throw new IOException("the build is shutting down", e);
        }
        return tool;
    }

    /**
     * Waits for the process to end.
     *
     * @return its exit code, or empty when {@code timeout} passed first (the process is then still running: close it)
     */
    public java.util.OptionalInt await(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return java.util.OptionalInt.of(process.exitValue());
        }
        return java.util.OptionalInt.empty();
    }

    /** The last {@code n} lines it wrote, for error messages. */
    public List<String> lastLines(int n) {
        return LogTail.lastLines(output, 0, n);
    }

    public long pid() {
        return process.pid();
    }

    /** Stops it and its children: SIGTERM, then SIGKILL after a grace period. Safe to call more than once. */
    @Override
    public void close() {
        try {
            ProcessTree.stop(process, STOP_GRACE, FORCED_WAIT);
        } finally {
            ServiceRegistry.unregister(this);
        }
    }
}
