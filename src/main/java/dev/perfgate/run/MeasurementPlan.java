package dev.perfgate.run;

import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadEngine;
import dev.perfgate.service.JfrAttach;
import dev.perfgate.service.ServiceSpec;
import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything {@link Measurement} needs: built by the Mojos from pom parameters, or by tests directly.
 *
 * @param service         the service to start, or null when the load targets a URL that is already up
 * @param baseUrl         where requests go; may contain {@code ${perfgate.port}}
 * @param load            what to send
 * @param engines         creates the load engine (one per measurement)
 * @param outputDirectory target/perfgate: run.json, interval logs, profiles, service log
 * @param secretHeaders   header names whose values are secrets besides the well-known ones
 * @param pluginVersion   recorded in run.json
 * @param projectDirectory for the git commit
 * @param restartPerTrial start a fresh service (with its own warm-up) for every trial; needs {@code service}
 * @param maxTrials       the most trials an {@code extension} may bring the measurement to; at least the
 *                        load's planned trials
 * @param extension       asked for more trials after the planned ones, or null to run exactly the planned trials
 * @param jfrAttach       record JFR in the JVM behind {@code baseUrl}, which perfgate did not start; null for none.
 *                        Not with {@code service}: perfgate records the service it starts itself
 * @param ab              measure the baseline version beside the service, trials interleaved pair by pair; null to
 *                        measure the service alone. Needs {@code service}; the pairs replace the load's trials
 */
public record MeasurementPlan(ServiceSpec service, String baseUrl, LoadDefinition load,
        Supplier<LoadEngine> engines, Path outputDirectory, Set<String> secretHeaders, String pluginVersion,
        File projectDirectory, boolean restartPerTrial, int maxTrials, TrialExtension extension,
        JfrAttach jfrAttach, AbPlan ab) {

    /**
     * The configuration rules (a service to restart, to attach to or to interleave with; the cap on trials) are
     * checked before a plan is made, by dev.perfgate.goal.MeasurementPlanner, all at once.
     */
    public MeasurementPlan {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        secretHeaders = secretHeaders == null ? Set.of() : Set.copyOf(secretHeaders);
    }

    /** Measured alone. */
    public MeasurementPlan(ServiceSpec service, String baseUrl, LoadDefinition load, Supplier<LoadEngine> engines,
            Path outputDirectory, Set<String> secretHeaders, String pluginVersion, File projectDirectory,
            boolean restartPerTrial, int maxTrials, TrialExtension extension, JfrAttach jfrAttach) {
        this(service, baseUrl, load, engines, outputDirectory, secretHeaders, pluginVersion, projectDirectory,
                restartPerTrial, maxTrials, extension, jfrAttach, null);
    }

    /** Without a JVM to attach to. */
    public MeasurementPlan(ServiceSpec service, String baseUrl, LoadDefinition load, Supplier<LoadEngine> engines,
            Path outputDirectory, Set<String> secretHeaders, String pluginVersion, File projectDirectory,
            boolean restartPerTrial, int maxTrials, TrialExtension extension) {
        this(service, baseUrl, load, engines, outputDirectory, secretHeaders, pluginVersion, projectDirectory,
                restartPerTrial, maxTrials, extension, null, null);
    }

    /** One service for all trials, exactly the planned trials. */
    public MeasurementPlan(ServiceSpec service, String baseUrl, LoadDefinition load, Supplier<LoadEngine> engines,
            Path outputDirectory, Set<String> secretHeaders, String pluginVersion, File projectDirectory) {
        this(service, baseUrl, load, engines, outputDirectory, secretHeaders, pluginVersion, projectDirectory,
                false, load.profile().trials(), null, null, null);
    }

    public MeasurementPlan withRestartPerTrial(boolean restart) {
        return new MeasurementPlan(service, baseUrl, load, engines, outputDirectory, secretHeaders, pluginVersion,
                projectDirectory, restart, maxTrials, extension, jfrAttach, ab);
    }

    /** @param hook null never extends; {@code cap} is still recorded in run.json */
    public MeasurementPlan withExtension(TrialExtension hook, int cap) {
        return new MeasurementPlan(service, baseUrl, load, engines, outputDirectory, secretHeaders, pluginVersion,
                projectDirectory, restartPerTrial, cap, hook, jfrAttach, ab);
    }

    /** @param attach the JVM behind baseUrl to record JFR in, or null */
    public MeasurementPlan withJfrAttach(JfrAttach attach) {
        return new MeasurementPlan(service, baseUrl, load, engines, outputDirectory, secretHeaders, pluginVersion,
                projectDirectory, restartPerTrial, maxTrials, extension, attach, ab);
    }

    /** @param interleaved the baseline version to measure beside the service, or null */
    public MeasurementPlan withAb(AbPlan interleaved) {
        return new MeasurementPlan(service, baseUrl, load, engines, outputDirectory, secretHeaders, pluginVersion,
                projectDirectory, restartPerTrial, maxTrials, extension, jfrAttach, interleaved);
    }

    public int plannedTrials() {
        return load.profile().trials();
    }
}
