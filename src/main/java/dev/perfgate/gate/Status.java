package dev.perfgate.gate;

/**
 * Outcome of one check. INCONCLUSIVE: a relative check whose trials could not tell either way (too few, too noisy,
 * or an effect too close to the margin); whether it fails the build is the {@link InconclusivePolicy}'s call.
 */
public enum Status {
    PASS, FAIL, INCONCLUSIVE, SKIPPED
}
