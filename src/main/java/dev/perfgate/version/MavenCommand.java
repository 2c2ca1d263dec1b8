package dev.perfgate.version;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Maven that builds the baseline version: normally the one running this build, with the options that make it
 * resolve the same way (offline, settings, local repository, profiles).
 *
 * @param executable  {@code bin/mvn} (or {@code bin/mvn.cmd} on Windows)
 * @param options     passed before perfgate's own, e.g. {@code -o}, {@code -s /path/settings.xml},
 *                    {@code -Dmaven.repo.local=/path}
 * @param environment added to the inherited environment, e.g. {@code JAVA_HOME} so the same JDK builds it
 */
public record MavenCommand(Path executable, List<String> options, Map<String, String> environment) {

    public MavenCommand {
        Objects.requireNonNull(executable, "executable");
        options = options == null ? List.of() : List.copyOf(options);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /** {@code bin/mvn} of a Maven installation ({@code mvn.cmd} on Windows). */
    public static Path executable(Path mavenHome) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return mavenHome.resolve("bin").resolve(windows ? "mvn.cmd" : "mvn");
    }
}
