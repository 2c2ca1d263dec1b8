package dev.perfgate.gate;

import dev.perfgate.stats.RatioEvidence;

/**
 * The statistics behind a relative check's status, for reports.
 *
 * @param evidence           ratio of medians, its interval, trial counts and spread
 * @param pWorse             p-value of "worse than the bound" (slower, or less throughput): what can fail a check
 * @param pBetter            p-value of "better than the bound": what passes a check
 * @param alphaFail          the level pWorse was tested at (after Holm and looks)
 * @param alphaPass          the level pBetter was tested at
 * @param noisy              the trial spread is more than a third of the margin
 * @param inconclusiveReason for INCONCLUSIVE: "too-few-trials", "too-noisy" or "near-margin"; otherwise null
 * @param finding            the verdict in a few words: "beyond the margin", "within the margin", "improved",
 *                           "target met", "not improved enough", "too few trials", "too noisy", "near the margin"
 */
public record RelativeStats(RatioEvidence evidence, double pWorse, double pBetter, double alphaFail,
        double alphaPass, boolean noisy, String inconclusiveReason, String finding) {

    /** The p-value that decided the status: the failing side's for FAIL, the passing side's for PASS. */
    public double decidingP(Status status) {
        return switch (status) {
            case FAIL -> pWorse;
            case PASS -> pBetter;
            default -> Math.min(pWorse, pBetter);
        };
    }
}
