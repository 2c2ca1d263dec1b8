package dev.perfgate.gate;

import dev.perfgate.result.RunResult;
import java.util.List;

/**
 * How relative checks decide, as the pom writes it (like {@link GateSpec} for gates): plain values, validated by
 * {@link #settings} and {@link #whenBaselineMissing}, which add every problem to a list.
 *
 * @param alpha                 significance level of one check
 * @param buildAlpha            the chance any check of the build fails unchanged code
 * @param inconclusive          warn, fail or extend
 * @param onEnvironmentMismatch skip, warn or fail
 * @param onMissingBaseline     fail or skip
 */
public record DecisionSpec(double alpha, double buildAlpha, String inconclusive, String onEnvironmentMismatch,
        String onMissingBaseline) {

    /** The defaults of the Mojo parameters. */
    public static final DecisionSpec DEFAULT = new DecisionSpec(DecisionSettings.DEFAULT_ALPHA,
            DecisionSettings.DEFAULT_BUILD_ALPHA, "warn", "skip", "fail");

    /**
     * The settings for a run looked at once, or null when they are invalid.
     *
     * @param problems where each problem is added, one line each
     */
    public DecisionSettings settings(List<String> problems) {
        int before = problems.size();
        InconclusivePolicy policy = null;
        EnvironmentPolicy environment = null;
        try {
            policy = InconclusivePolicy.parse(inconclusive);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            environment = EnvironmentPolicy.parse(onEnvironmentMismatch);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return new DecisionSettings(alpha, buildAlpha, 1, policy, environment);
        } catch (IllegalArgumentException e) {
            problems.add("<alpha>/<buildAlpha>: " + e.getMessage());
            return null;
        }
    }

    /** What relative gates do without a baseline file, or null (with the problem added) when it is invalid. */
    public BaselineState whenBaselineMissing(List<String> problems) {
        return switch (onMissingBaseline == null ? "fail" : onMissingBaseline.trim()) {
            case "fail" -> BaselineState.MISSING_FAIL;
            case "skip" -> BaselineState.MISSING_SKIP;
            default -> {
                problems.add("<onMissingBaseline> is '" + onMissingBaseline + "'; use fail or skip");
                yield null;
            }
        };
    }

    /**
     * Whether the run could have been extended (inconclusive=extend with maxTrials above trials): its trials were
     * then looked at twice, and each look tests at α / 2, whatever the check's own policy says now.
     */
    public static int looks(RunResult run) {
        boolean extensionPlanned = run.load() != null && run.load().maxTrials() > run.load().plannedTrials()
                && run.load().plannedTrials() > 0;
        return extensionPlanned ? 2 : 1;
    }
}
