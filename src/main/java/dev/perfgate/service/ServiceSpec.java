package dev.perfgate.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to launch the service under test, how to tell it is ready, and how long to wait for it to start and stop.
 * Built with {@link #command}, {@link #jar} or {@link #mainClass}, then the {@link Builder}.
 *
 * <p>{@code args}, {@code jvmArgs}, environment values and the readiness target may contain
 * {@code ${perfgate.port}} (see {@link Placeholders}).
 *
 * @param launch           what to run
 * @param javaExecutable   the {@code java} for JVM launches; its JDK's {@code jcmd} is used for JFR dumps
 * @param args             program arguments, appended after the main class, the jar or the command
 * @param jvmArgs          JVM options for JVM launches (ignored for commands)
 * @param environment      variables added to (or overriding) the inherited environment
 * @param workingDirectory the service's working directory; null inherits the build's
 * @param logFile          stdout and stderr are appended here; null uses a temporary file
 * @param readiness        when the service is ready; null means ready as soon as it is started
 * @param readyTimeout     how long {@link ServiceProcess#awaitReady()} waits
 * @param stopTimeout      grace time between the polite stop (SIGTERM) and the forced one
 * @param port             the port to give the service; 0 picks a free one
 * @param jfr              JFR recording for JVM launches
 */
public record ServiceSpec(
        Launch launch,
        Path javaExecutable,
        List<String> args,
        List<String> jvmArgs,
        Map<String, String> environment,
        Path workingDirectory,
        Path logFile,
        Readiness readiness,
        Duration readyTimeout,
        Duration stopTimeout,
        int port,
        JfrOptions jfr) {

    /** Generous: a Spring Boot app on a busy 2-core CI machine can take over a minute to start. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(180);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    public ServiceSpec {
        Objects.requireNonNull(launch, "launch");
        javaExecutable = javaExecutable == null ? currentJava() : javaExecutable;
        args = args == null ? List.of() : List.copyOf(args);
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        readyTimeout = readyTimeout == null ? DEFAULT_READY_TIMEOUT : readyTimeout;
        stopTimeout = stopTimeout == null ? DEFAULT_STOP_TIMEOUT : stopTimeout;
        jfr = jfr == null ? JfrOptions.disabled() : jfr;
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("readyTimeout must be positive: " + readyTimeout);
        }
        if (stopTimeout.isNegative()) {
            throw new IllegalArgumentException("stopTimeout must not be negative: " + stopTimeout);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** What to run. */
    public sealed interface Launch permits Command, Jar, MainClass {
    }

    /** An arbitrary command, run as is (e.g. {@code ./start.sh}, {@code docker run ...}). */
    public record Command(List<String> argv) implements Launch {
        public Command {
            argv = List.copyOf(argv);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("command must not be empty");
            }
        }
    }

    /** {@code java [jvmArgs] -jar jar [args]}. */
    public record Jar(Path jar) implements Launch {
        public Jar {
            Objects.requireNonNull(jar, "jar");
        }
    }

    /** {@code java [jvmArgs] -cp classpath mainClass [args]}. */
    public record MainClass(String mainClass, List<Path> classpath) implements Launch {
        public MainClass {
            Objects.requireNonNull(mainClass, "mainClass");
            classpath = List.copyOf(classpath);
        }
    }

    /** True for jar and main-class launches, where perfgate controls the JVM's options. */
    public boolean isJvm() {
        return !(launch instanceof Command);
    }

    /** The {@code java} of the JVM running this code. */
    public static Path currentJava() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    public static Builder command(List<String> argv) {
        return new Builder(new Command(argv));
    }

    public static Builder jar(Path jar) {
        return new Builder(new Jar(jar));
    }

    public static Builder mainClass(String mainClass, List<Path> classpath) {
        return new Builder(new MainClass(mainClass, classpath));
    }

    /** Mutable builder; unset values take the defaults above. */
    public static final class Builder {
        private final Launch launch;
        private Path javaExecutable;
        private final List<String> args = new ArrayList<>();
        private final List<String> jvmArgs = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path workingDirectory;
        private Path logFile;
        private Readiness readiness;
        private Duration readyTimeout;
        private Duration stopTimeout;
        private int port;
        private JfrOptions jfr;

        private Builder(Launch launch) {
            this.launch = launch;
        }

        public Builder javaExecutable(Path javaExecutable) {
            this.javaExecutable = javaExecutable;
            return this;
        }

        public Builder args(List<String> args) {
            this.args.addAll(args);
            return this;
        }

        public Builder args(String... args) {
            return args(List.of(args));
        }

        public Builder jvmArgs(List<String> jvmArgs) {
            this.jvmArgs.addAll(jvmArgs);
            return this;
        }

        public Builder jvmArgs(String... jvmArgs) {
            return jvmArgs(List.of(jvmArgs));
        }

        public Builder environment(Map<String, String> environment) {
            this.environment.putAll(environment);
            return this;
        }

        public Builder env(String name, String value) {
            this.environment.put(name, value);
            return this;
        }

        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        public Builder readiness(Readiness readiness) {
            this.readiness = readiness;
            return this;
        }

        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = readyTimeout;
            return this;
        }

        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder jfr(JfrOptions jfr) {
            this.jfr = jfr;
            return this;
        }

        public ServiceSpec build() {
            return new ServiceSpec(launch, javaExecutable, args, jvmArgs, environment, workingDirectory, logFile,
                    readiness, readyTimeout, stopTimeout, port, jfr);
        }
    }
}
