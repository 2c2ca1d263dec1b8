package dev.perfgate.stats;

/**
 * What the trials of a candidate and a baseline say about their ratio, for one metric. All ratios are
 * candidate / baseline: 1.10 means the candidate's value is 10 % higher.
 *
 * @param candidateTrials number of candidate trials (one value each)
 * @param baselineTrials  number of baseline trials
 * @param candidateMedian median of the candidate's per-trial values
 * @param baselineMedian  median of the baseline's per-trial values
 * @param ratio           ratio of the medians
 * @param low             lower end of the ratio's interval ({@link #confidence}); 0 when the trials cannot bound it
 * @param high            upper end of the interval; +∞ when the trials cannot bound it
 * @param confidence      two-sided confidence of [low, high]: 1 − 2α, so that each end is a one-sided test at α
 * @param bound           the ratio tested against, e.g. 1.10 for "at most 10 % slower"
 * @param pAbove          one-sided p-value for "the ratio is above the bound"
 * @param pBelow          one-sided p-value for "the ratio is below the bound"
 * @param smallestP       the smallest one-sided p-value these trial counts can give at all (fully separated
 *                        samples): when it is not below α, no number of effect size makes the test decide
 * @param spread          trial-to-trial spread: pooled standard deviation of the log values, as a fraction
 *                        (exp(sd) − 1); NaN when neither side has two trials
 */
public record RatioEvidence(int candidateTrials, int baselineTrials, double candidateMedian, double baselineMedian,
        double ratio, double low, double high, double confidence, double bound, double pAbove, double pBelow,
        double smallestP, double spread) {
}
