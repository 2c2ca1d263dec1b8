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
     * @throws IllegalArgumentException with a one-line message saying what to change, when restartPerTrial has no
     *                                  service to restart, maxTrials is below the planned trials, or a JVM to attach
     *                                  to is given together with a service
     */
    public MeasurementPlan {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(engines, "engines");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        secretHeaders = secretHeaders == null ? Set.of() : Set.copyOf(secretHeaders);
        if (restartPerTrial && service == null) {
            throw new IllegalArgumentException("restartPerTrial is true, but no <service> is configured for "
                    + "perfgate to restart (the load goes to baseUrl " + baseUrl + "); configure <service>, or set "
                    + "restartPerTrial to false");
        }
        if (jfrAttach != null && service != null) {
            throw new IllegalArgumentException("jfrAttachPid / jfrJmxUrl name a JVM perfgate did not start, but "
                    + "<service> is configured and perfgate records the service it starts itself; remove "
                    + "jfrAttachPid / jfrJmxUrl, or remove <service> to profile a JVM started elsewhere");
        }
        if (ab != null && service == null) {
            throw new IllegalArgumentException("an interleaved A/B measurement starts the baseline version beside the "
                    + "service, but no <service> is configured; configure the service perfgate starts");
        }
        if (ab != null && extension != null) {
            throw new IllegalArgumentException("inconclusive=extend does not apply to interleaved A/B pairs (their "
                    + "number is fixed before the first); raise the pairs instead, or use warn or fail");
        }
        int planned = load.profile().trials();
        if (maxTrials < planned) {
            throw new IllegalArgumentException("maxTrials (" + maxTrials + ") is less than trials (" + planned
                    + "); set maxTrials to at least " + planned + ", or leave it out to run exactly the trials");
        }
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
