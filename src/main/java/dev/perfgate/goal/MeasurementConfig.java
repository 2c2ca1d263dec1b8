package dev.perfgate.goal;

import dev.perfgate.gate.DecisionSpec;
import dev.perfgate.gate.GateSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A measurement as the pom configures it, in plain values: what perfgate:run and perfgate:baseline map their
 * parameters onto, and all that {@link MeasurementPlanner} needs to validate it and plan the measurement.
 *
 * @param goal             which goal measures: perfgate:baseline measures up to maxTrials and never interleaves
 * @param service          the service to start, or null when the load goes to a running service at baseUrl
 * @param baseUrl          where requests go, or null for the started service's
 * @param load             what is sent
 * @param shape            how the load is shaped and repeated
 * @param jfr              how the service is profiled
 * @param ab               the baseline version to measure beside the service (perfgate:run only)
 * @param gates            the gates, validated before any load
 * @param decision         how relative checks decide (validated before any load; inconclusive=extend plans more
 *                         trials)
 * @param secretHeaders    header names whose values are never shown
 * @param outputDirectory  target/perfgate
 * @param baselineFile     the committed baseline
 * @param projectDirectory the project, for git and relative script paths
 * @param projectVersion   the project's version, for baselineArtifact's previousRelease
 * @param pluginVersion    recorded in run.json
 */
public record MeasurementConfig(Goal goal, ServiceConfig service, String baseUrl, LoadConfig load, ShapeConfig shape,
        JfrConfig jfr, AbConfig ab, List<GateSpec> gates, DecisionSpec decision, List<String> secretHeaders,
        Path outputDirectory, Path baselineFile, Path projectDirectory, String projectVersion,
        String pluginVersion) {

    /** The goals that measure. */
    public enum Goal {
        RUN, BASELINE
    }

    public MeasurementConfig {
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(shape, "shape");
        jfr = jfr == null ? JfrConfig.DEFAULT : jfr;
        ab = ab == null ? AbConfig.NONE : ab;
        gates = Nulls.list(gates);
        decision = decision == null ? DecisionSpec.DEFAULT : decision;
        secretHeaders = Nulls.list(secretHeaders);
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(baselineFile, "baselineFile");
    }
}
