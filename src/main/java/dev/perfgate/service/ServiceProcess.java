package dev.perfgate.service;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The running service under test. Start it, wait until it is ready, check between trials that it is still alive,
 * and close it: closing stops the whole process tree (SIGTERM, then SIGKILL after the grace time).
 *
 * <pre>{@code
 * try (ServiceProcess service = ServiceProcess.start(spec)) {
 *     service.awaitReady();
 *     ... run a trial ...
 *     service.checkAlive();
 *     service.dumpJfr(file, trialBegin, trialEnd);
 * }
 * }</pre>
 *
 * <p>A JVM shutdown hook closes every service still running when the build JVM exits or is interrupted (Ctrl-C);
 * see {@link ServiceRegistry} for what cannot be covered.
 */
public final class ServiceProcess implements AutoCloseable {
    /** How many log lines failures quote. */
    public static final int LOG_LINES_IN_ERRORS = 20;

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /** After SIGKILL, how long to wait for the kernel to tear processes down. */
    private static final Duration FORCED_WAIT = Duration.ofSeconds(10);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ServiceSpec spec;
    private final LaunchCommand command;
    private final Readiness readiness;
    private final int port;
    private final Path logFile;
    private final long logOffset;
    private final Process process;
    private final Object closeLock = new Object();
    private volatile boolean closed;

    private ServiceProcess(ServiceSpec spec, LaunchCommand command, int port, Path logFile, long logOffset,
            Process process) {
        this.spec = spec;
        this.command = command;
        this.port = port;
        this.readiness = spec.readiness() == null ? null : spec.readiness().resolve(new Placeholders(port));
        this.logFile = logFile;
        this.logOffset = logOffset;
        this.process = process;
    }

    /**
     * Starts the service; returns as soon as the process runs (call {@link #awaitReady()} next).
     *
     * @throws ServiceException when the process cannot be started at all (missing executable, bad directory)
     */
    public static ServiceProcess start(ServiceSpec spec) throws ServiceException {
        int port = spec.port() > 0 ? spec.port() : PortAllocator.freePort();
        Path logFile;
        long logOffset;
        LaunchCommand command;
        try {
            logFile = spec.logFile() != null ? spec.logFile().toAbsolutePath()
                    : Files.createTempFile("perfgate-service-", ".log");
            Files.createDirectories(logFile.getParent());
            logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
            Path jfrFile = null;
            if (spec.isJvm() && spec.jfr().enabled()) {
                jfrFile = uniqueJfrFile(spec.jfr().directory());
            }
            command = LaunchCommand.build(spec, port, jfrFile, logFile.getParent());
            // The log is appended to across runs: mark where this one begins.
            Files.writeString(logFile, "---- perfgate: starting service at " + Instant.now() + " on port " + port
                            + System.lineSeparator() + "---- " + command.display() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new ServiceException("Could not prepare the service launch (log file " + spec.logFile()
                    + "): " + e.getMessage() + ". Check that the directory is writable.", e);
        }

        ProcessBuilder builder = new ProcessBuilder(command.argv())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // stdin stays an open pipe: a service that reads it must not see end-of-file and stop.
        builder.environment().putAll(command.environment());
        if (spec.workingDirectory() != null) {
            builder.directory(spec.workingDirectory().toFile());
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            deleteQuietly(command.argFile());
            throw new ServiceException("Could not start the service: " + command.display() + ": " + e.getMessage()
                    + ". Check the executable and the working directory ("
                    + (spec.workingDirectory() == null ? "inherited" : spec.workingDirectory()) + ").", e);
        }
        ServiceProcess service = new ServiceProcess(spec, command, port, logFile, logOffset, process);
        try {
            ServiceRegistry.register(service);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook would not see this one.
            service.close();
            throw new ServiceException("Not starting the service: the build JVM is shutting down.", e);
        }
        return service;
    }

    private static Path uniqueJfrFile(Path directory) throws IOException {
        Files.createDirectories(directory);
        String stamp = FILE_TIME.format(Instant.now());
        Path file = directory.resolve("service-" + stamp + ".jfr");
        while (Files.exists(file)) {
            file = directory.resolve("service-" + stamp + "-"
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000)) + ".jfr");
        }
        return file.toAbsolutePath();
    }

    /**
     * Waits until the readiness check passes, polling with short per-attempt timeouts.
     *
     * @return how long it took from the call
     * @throws ServiceException when the process exits first, or when the ready timeout passes
     */
    public Duration awaitReady() throws ServiceException {
        long begin = System.nanoTime();
        long deadline = begin + spec.readyTimeout().toNanos();
        if (readiness == null) {
            checkStartedAlive();
            return Duration.ZERO;
        }
        HttpClient client = readiness instanceof Readiness.Http
                ? HttpClient.newBuilder().connectTimeout(ATTEMPT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build()
                : null;
        String lastProblem = "no attempt finished";
        while (true) {
            checkStartedAlive();
            String problem = attempt(client);
            if (problem == null) {
                // It could have answered while already going down (e.g. port clash handled late): check once more.
                checkStartedAlive();
                return Duration.ofNanos(System.nanoTime() - begin);
            }
            lastProblem = problem;
            if (System.nanoTime() - deadline >= 0) {
                throw new ServiceException(ServiceException.withLog("The service did not get ready within "
                        + seconds(spec.readyTimeout()) + ": " + readiness.describe() + " (last attempt: "
                        + lastProblem + "). Command: " + command.display() + ". Log: " + logFile
                        + ". Check the readiness target and port, or raise the ready timeout.",
                        logFile, lastLogLines(LOG_LINES_IN_ERRORS)));
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceException("Interrupted while waiting for the service to get ready", e);
            }
        }
    }

    /** One readiness attempt: null when ready, else what went wrong, for the timeout message. */
    private String attempt(HttpClient client) {
        if (readiness instanceof Readiness.Http http) {
            try {
                HttpRequest request = HttpRequest.newBuilder(http.uri()).timeout(ATTEMPT_TIMEOUT).GET().build();
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                return status >= 200 && status < 300 ? null : "HTTP " + status;
            } catch (ConnectException e) {
                return "connection refused";
            } catch (HttpConnectTimeoutException e) {
                return "connect timed out";
            } catch (HttpTimeoutException e) {
                return "no answer within " + seconds(ATTEMPT_TIMEOUT);
            } catch (IOException e) {
                return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        Readiness.Tcp tcp = (Readiness.Tcp) readiness;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(tcp.host(), tcp.port()), (int) ATTEMPT_TIMEOUT.toMillis());
            return null;
        } catch (ConnectException e) {
            return "connection refused";
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    private void checkStartedAlive() throws ServiceException {
        if (!process.isAlive()) {
            throw new ServiceException(ServiceException.withLog("The service exited early with code "
                    + process.exitValue() + " before it was ready. Command: " + command.display() + ". Log: "
                    + logFile + ". Fix the cause shown below, then run again.",
                    logFile, lastLogLines(LOG_LINES_IN_ERRORS)));
        }
    }

    /**
     * Throws when the service is no longer running; call it between trials and after each one, so that a crash is
     * reported as a crash and not as a wall of connection errors.
     */
    public void checkAlive() throws ServiceException {
        if (!process.isAlive()) {
            throw new ServiceException(ServiceException.withLog("The service exited during the run with code "
                    + process.exitValue() + ". Command: " + command.display() + ". Log: " + logFile
                    + ". The results of the current trial are not valid; see the log for the cause.",
                    logFile, lastLogLines(LOG_LINES_IN_ERRORS)));
        }
    }

    /**
     * Dumps the JFR window [begin, end] into {@code file} with the jcmd of the service's JDK.
     *
     * @throws IllegalStateException when JFR is not recording in this service (disabled, or a command launch)
     */
    public Path dumpJfr(Path file, Instant begin, Instant end) throws ServiceException {
        if (command.jfrFile() == null) {
            throw new IllegalStateException("JFR is not recording in this service (disabled, or a command launch)");
        }
        return JfrControl.dump(JfrControl.jcmdFor(spec.javaExecutable()), pid(), JfrOptions.RECORDING_NAME, file,
                begin, end);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The port given to the service (placeholder, {@code PERFGATE_PORT}, {@code -Dperfgate.port}). */
    public int port() {
        return port;
    }

    /** Resolves {@code ${perfgate.port}} in a string of the caller's, e.g. the load's base URL. */
    public String resolve(String text) {
        return new Placeholders(port).resolve(text);
    }

    public Path logFile() {
        return logFile;
    }

    /** The whole-run recording (complete once the service has stopped), when JFR records. */
    public Optional<Path> jfrFile() {
        return Optional.ofNullable(command.jfrFile());
    }

    public LaunchCommand command() {
        return command;
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** The last {@code n} lines the service wrote in this run. */
    public List<String> lastLogLines(int n) {
        return LogTail.lastLines(logFile, logOffset, n);
    }

    /**
     * Stops the service and every process it started: SIGTERM to the tree, SIGKILL to what is left after the stop
     * timeout, then waits until they are gone. Idempotent; safe to call from several threads.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            try {
                List<ProcessHandle> left = ProcessTree.stop(process, spec.stopTimeout(), FORCED_WAIT);
                if (!left.isEmpty()) {
                    // Nothing more can be done from here; say so where the user will look.
                    appendToLog("---- perfgate: processes still running after SIGKILL: "
                            + left.stream().map(ProcessHandle::pid).toList());
                }
            } finally {
                closed = true;
                deleteQuietly(command.argFile());
                ServiceRegistry.unregister(this);
            }
        }
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(logFile, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // best effort
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover argfile in target/ is harmless
            }
        }
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() / 1000.0 + " s";
    }

    @Override
    public String toString() {
        return "service pid " + process.pid() + " on port " + port + " (" + command.display() + ")";
    }
}
