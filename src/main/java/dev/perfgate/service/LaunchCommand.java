package dev.perfgate.service;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The exact process to start for a {@link ServiceSpec} once its port is known: argv and the environment to add.
 *
 * <p>JVM launches get, in this order: {@code -Dperfgate.port=N}, the JFR options, the user's JVM args (last, so
 * they can override ours), then {@code -jar file} or {@code -cp ... mainClass}, then the args.
 *
 * @param argv        the command line
 * @param environment variables to add to the inherited environment (user's, resolved, plus {@code PERFGATE_PORT})
 * @param argFile     the {@code @argfile} holding the classpath, or null; the caller deletes it after the run
 * @param jfrFile     the continuous JFR recording, or null
 */
public record LaunchCommand(List<String> argv, Map<String, String> environment, Path argFile, Path jfrFile) {

    /**
     * Classpaths longer than this go into an {@code @argfile}. Windows limits a whole command line to 32K
     * characters (and Linux one argument to 128K); a multi-module Spring Boot classpath easily exceeds both.
     */
    static final int ARGFILE_THRESHOLD = 8000;

    public LaunchCommand {
        argv = List.copyOf(argv);
        environment = Map.copyOf(environment);
    }

    /**
     * Builds the launch; writes the classpath argfile into {@code argFileDirectory} when one is needed.
     *
     * @param jfrFile where the continuous recording goes; ignored unless JFR is enabled for a JVM launch
     */
    public static LaunchCommand build(ServiceSpec spec, int port, Path jfrFile, Path argFileDirectory)
            throws IOException {
        return build(spec, port, jfrFile, argFileDirectory, ARGFILE_THRESHOLD);
    }

    static LaunchCommand build(ServiceSpec spec, int port, Path jfrFile, Path argFileDirectory, int argFileThreshold)
            throws IOException {
        Placeholders placeholders = new Placeholders(port);
        Map<String, String> env = new LinkedHashMap<>(placeholders.resolveValues(spec.environment()));
        env.put(Placeholders.PORT_ENV, Integer.toString(port));

        List<String> argv = new ArrayList<>();
        Path argFile = null;
        Path recording = null;
        if (spec.launch() instanceof ServiceSpec.Command command) {
            argv.addAll(placeholders.resolve(command.argv()));
        } else {
            argv.add(spec.javaExecutable().toString());
            argv.add("-D" + Placeholders.PORT_PROPERTY + "=" + port);
            if (spec.jfr().enabled()) {
                recording = jfrFile.toAbsolutePath();
                argv.addAll(spec.jfr().jvmArgs(recording));
            }
            argv.addAll(placeholders.resolve(spec.jvmArgs()));
            if (spec.launch() instanceof ServiceSpec.Jar jar) {
                argv.add("-jar");
                argv.add(jar.jar().toString());
            } else if (spec.launch() instanceof ServiceSpec.MainClass main) {
                String classpath = main.classpath().stream().map(Path::toString)
                        .collect(Collectors.joining(File.pathSeparator));
                if (classpath.length() > argFileThreshold) {
                    Files.createDirectories(argFileDirectory);
                    argFile = Files.createTempFile(argFileDirectory, "perfgate-classpath-", ".argfile");
                    Files.writeString(argFile, "-cp\n" + quoteForArgFile(classpath) + "\n", StandardCharsets.UTF_8);
                    argv.add("@" + argFile.toAbsolutePath());
                } else if (!classpath.isEmpty()) {
                    argv.add("-cp");
                    argv.add(classpath);
                }
                argv.add(main.mainClass());
            }
        }
        argv.addAll(placeholders.resolve(spec.args()));
        return new LaunchCommand(argv, env, argFile, recording);
    }

    /**
     * Quotes one argument for a java launcher {@code @argfile} (JDK 9+): inside double quotes a backslash escapes
     * the next character, so Windows paths need their backslashes doubled.
     */
    static String quoteForArgFile(String argument) {
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The command line for messages, arguments with spaces quoted. Not for execution. */
    public String display() {
        // Shown in error messages and the service log: secret values in key=value arguments are masked.
        return dev.perfgate.util.Redaction.redactArguments(argv).stream().map(arg -> arg.isEmpty() || arg.contains(" ") ? "'" + arg + "'" : arg)
                .collect(Collectors.joining(" "));
    }
}
