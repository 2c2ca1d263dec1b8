package dev.perfgate.goal;

import java.nio.file.Path;
import java.util.List;

/**
 * The baseline version an interleaved A/B run measures beside the service, as the pom writes it: at most one of
 * the four sources.
 *
 * @param baselineRef      a git ref to build, or {@code :baseline} for the commit the committed baseline records
 * @param baselineArtifact groupId:artifactId:version, or ...:previousRelease
 * @param baselineJar      a jar started as the service's jar would be
 * @param baselineCommand  a command that starts the baseline version
 * @param pairs            interleaved pairs of trials
 * @param pairSeed         the seed of the ABBA order, or null for a new one per build
 */
public record AbConfig(String baselineRef, String baselineArtifact, Path baselineJar, List<String> baselineCommand,
        int pairs, Long pairSeed) {
    public static final String PAIRS = "15";
    public static final AbConfig NONE = new AbConfig(null, null, null, List.of(), Integer.parseInt(PAIRS), null);

    public AbConfig {
        baselineCommand = Nulls.list(baselineCommand);
    }

    boolean byRef() {
        return baselineRef != null && !baselineRef.isBlank();
    }

    boolean byArtifact() {
        return baselineArtifact != null && !baselineArtifact.isBlank();
    }

    boolean byCommand() {
        return !baselineCommand.isEmpty();
    }

    /** How many of the four sources are set. */
    int named() {
        return (byRef() ? 1 : 0) + (byArtifact() ? 1 : 0) + (baselineJar != null ? 1 : 0) + (byCommand() ? 1 : 0);
    }
}
