package dev.perfgate.version;

import dev.perfgate.service.ServiceSpec;

/** Where the baseline version of the service comes from, and how it is launched beside the candidate. */
public sealed interface BaselineSource permits BaselineVersion, BaselineArtifact, ExplicitBaseline {

    /** For logs, reports and the baseline file, e.g. {@code git abc1234 (origin/main)}. */
    String description();

    /**
     * The baseline's service: {@code candidate} with its launch replaced (and, where it lies in the project, its
     * working directory mapped); arguments, JVM options, environment, readiness, timeouts, port and JFR settings are
     * kept, and the log goes to {@code baseline-<name>} beside the candidate's.
     *
     * @throws BaselineVersionException when the candidate's kind of launch has no counterpart here (e.g. its jar was
     *                                  not built by the baseline version)
     */
    ServiceSpec serviceSpec(ServiceSpec candidate) throws BaselineVersionException;
}
