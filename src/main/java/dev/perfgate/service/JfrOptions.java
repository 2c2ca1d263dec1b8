package dev.perfgate.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whether and how a JVM service records a JFR profile during the run. Ignored for command launches: perfgate does
 * not know that a command starts a JVM, nor which one (add {@code -XX:StartFlightRecording} to it yourself).
 *
 * <p>One continuous recording named {@value #RECORDING_NAME} runs for the service's whole life; per-trial files are
 * cut out of it with {@link JfrControl#dump}.
 *
 * @param enabled      false records nothing
 * @param settings     {@code profile} (more samples, some overhead), {@code default}, or a path to a {@code .jfc}
 * @param extraOptions more {@code key=value} options for {@code -XX:StartFlightRecording}, e.g.
 *                     {@code path-to-gc-roots=true}, or per-event settings over those of {@code settings}, e.g.
 *                     {@code jdk.JavaMonitorEnter#threshold=1 ms} (JDK 17+)
 * @param directory    where the continuous recording file goes (e.g. {@code target/perfgate})
 */
public record JfrOptions(boolean enabled, String settings, List<String> extraOptions, Path directory) {
    public static final String RECORDING_NAME = "perfgate";
    /**
     * Events that copy the machine's secrets into every trial-N.jfr and say nothing about performance: the
     * service's environment variables (a CI job's tokens, inherited from the build), its system properties
     * ({@code -Ddb.password=...}) and the command lines of every process on the machine. Turned off before
     * {@code extraOptions}, so that jfrEventSettings can turn one back on. (jdk.JVMInformation stays: JMC's rules
     * need it; it holds the service's JVM and program arguments, as {@code ps} shows them.)
     */
    public static final List<String> PRIVATE_EVENTS_OFF = List.of("jdk.InitialEnvironmentVariable#enabled=false",
            "jdk.InitialSystemProperty#enabled=false", "jdk.SystemProcess#enabled=false");
    /** "jdk.JavaMonitorEnter#threshold=1 ms": JFR accepts it in -XX:StartFlightRecording since JDK 17. */
    private static final Pattern EVENT_SETTING = Pattern.compile("[A-Za-z_$][\\w.$]*#[A-Za-z][\\w-]*=\\S.*");

    public JfrOptions {
        settings = settings == null || settings.isBlank() ? "profile" : settings.trim();
        extraOptions = extraOptions == null ? List.of() : List.copyOf(extraOptions);
        if (enabled) {
            Objects.requireNonNull(directory, "directory");
        }
        // The option string is comma-separated: a comma inside a value would silently split it.
        if (settings.contains(",")) {
            throw new IllegalArgumentException("JFR settings must not contain a comma: " + settings);
        }
        for (String option : extraOptions) {
            if (option.contains(",") || !option.contains("=")) {
                throw new IllegalArgumentException("JFR option must be one key=value without commas: " + option);
            }
            if (option.contains("#") && !EVENT_SETTING.matcher(option).matches()) {
                throw new IllegalArgumentException("JFR event setting must read <event>#<setting>=<value>, e.g. "
                        + "jdk.JavaMonitorEnter#threshold=1 ms: " + option);
            }
        }
        // The JVM would refuse to start with a missing .jfc, after the build has started the service: say it now.
        if (enabled && settings.endsWith(".jfc") && !Files.isRegularFile(Path.of(settings))) {
            throw new IllegalArgumentException("JFR settings file " + Path.of(settings).toAbsolutePath()
                    + " does not exist; give profile, default or the path of a .jfc file (jfr configure writes one)");
        }
    }

    public static JfrOptions disabled() {
        return new JfrOptions(false, null, null, null);
    }

    /** The usual choice: the {@code profile} settings, recording into {@code directory}. */
    public static JfrOptions profile(Path directory) {
        return new JfrOptions(true, "profile", null, directory);
    }

    /** The JVM options that start the recording into {@code recordingFile}; empty when disabled. */
    public List<String> jvmArgs(Path recordingFile) {
        if (!enabled) {
            return List.of();
        }
        String settingsValue = settings;
        if (settings.endsWith(".jfc")) {
            // The service may run in another working directory than the build.
            settingsValue = Path.of(settings).toAbsolutePath().normalize().toString();
        }
        StringBuilder start = new StringBuilder("-XX:StartFlightRecording=name=").append(RECORDING_NAME)
                .append(",settings=").append(settingsValue)
                // %p and %t are not expanded on JDK 17, so the caller passes a name unique to this run.
                .append(",filename=").append(recordingFile.toAbsolutePath())
                .append(",dumponexit=true")
                // Without these, JDK 17 silently caps the recording at 250 MB and drops the oldest data,
                // which would lose early trials of a long run.
                .append(",maxsize=0,maxage=0");
        PRIVATE_EVENTS_OFF.forEach(option -> start.append(',').append(option));
        extraOptions.forEach(option -> start.append(',').append(option));
        List<String> args = new ArrayList<>();
        args.add(start.toString());
        // Deeper stacks than the default 64: framework-heavy services (Spring, Netty) bury the hot frames.
        args.add("-XX:FlightRecorderOptions=stackdepth=128");
        // Keeps JFR's "Started recording ..." banner out of the service's log.
        args.add("-Xlog:jfr+startup=error");
        return args;
    }
}
