package dev.perfgate.gate;

/**
 * How relative checks decide.
 *
 * @param alpha         significance level of one check (default 0.01): the chance that a check of unchanged code
 *                      fails, when the trials are independent
 * @param buildAlpha    the chance that any check of one build fails on unchanged code (default 0.05), held by
 *                      Holm's step-down over the checks' p-values; with α = 0.01 it binds only beyond five checks
 * @param looks         how many times the trials may be looked at (1 + the planned extensions): every look
 *                      tests at α / looks, so that looking again cannot turn noise into a verdict
 * @param inconclusive  what an inconclusive check does to the build
 * @param onEnvironmentMismatch what relative checks do when the baseline's machine or JVM differs
 */
public record DecisionSettings(double alpha, double buildAlpha, int looks, InconclusivePolicy inconclusive,
        EnvironmentPolicy onEnvironmentMismatch) {

    public static final double DEFAULT_ALPHA = 0.01;
    public static final double DEFAULT_BUILD_ALPHA = 0.05;
    public static final DecisionSettings DEFAULT = new DecisionSettings(DEFAULT_ALPHA, DEFAULT_BUILD_ALPHA, 1,
            InconclusivePolicy.WARN, EnvironmentPolicy.SKIP);

    public DecisionSettings {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha " + alpha + " is not between 0 and 0.5; use e.g. 0.01");
        }
        if (!(buildAlpha >= alpha && buildAlpha < 0.5)) {
            throw new IllegalArgumentException("buildAlpha " + buildAlpha + " must be at least alpha (" + alpha
                    + ") and below 0.5; use e.g. 0.05");
        }
        if (looks < 1) {
            throw new IllegalArgumentException("looks must be at least 1: " + looks);
        }
        if (inconclusive == null || onEnvironmentMismatch == null) {
            throw new IllegalArgumentException("policies must be given");
        }
    }

    /** The level of one check at one look. */
    public double alphaPerLook() {
        return alpha / looks;
    }

    public double buildAlphaPerLook() {
        return buildAlpha / looks;
    }

    public DecisionSettings withLooks(int newLooks) {
        if (newLooks == looks) {
            return this;
        }
        return new DecisionSettings(alpha, buildAlpha, newLooks, inconclusive, onEnvironmentMismatch);
    }
}
