package dev.perfgate.stats;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Compares a candidate with a baseline measured in pairs (interleaved trials on one machine, see {@link PairOrder})
 * with one-sided Wilcoxon signed-rank tests on the per-pair log ratios d = log(candidate) − log(baseline), the null
 * hypothesis shifted to the margin. Why these choices:
 *
 * <ul>
 *   <li>Pairs, because both sides of a pair share the machine's state at that moment: the offset between runs on
 *       different days or runners, which dominates unpaired comparisons, cancels in d.</li>
 *   <li>Logs, as in {@link RatioTest}: changes are multiplicative, and a shift of log(1.10) reads "10 % slower".</li>
 *   <li>Signed ranks rather than a paired t-test: per-trial percentiles of a busy machine have outliers (one pair
 *       hit by a GC or a neighbour), and a single outlier inflates the t-test's variance until it decides nothing,
 *       or drags its mean past the bound. Ranks bound any one pair's influence, need no normality, and give exact
 *       p-values for the 5–50 pairs a build can afford.</li>
 * </ul>
 *
 * The interval of the ratio is the Hodges-Lehmann interval of the pseudo-median of d, found by inverting the same
 * two tests over the distinct Walsh averages (d_i + d_j) / 2, i ≤ j, where the signed-rank statistic steps. So
 * "the interval lies above the bound" and "p(above) &lt; α" say the same thing.
 *
 * <p>Zeros and ties, decided here because the library's exact p-value refuses both (it falls back to a normal
 * approximation, which for few pairs gives p-values below what the pairs can ever give exactly, e.g. p = 0.0098
 * for six equal ratios where the exact answer is 1/64):
 *
 * <ul>
 *   <li>A pair exactly at the bound (a zero of d − log(bound)), or two pairs exactly symmetric about it, count
 *       against the claim being tested: p(above) is evaluated just above the bound and p(below) just below it.
 *       This is conservative, and it is what makes the interval and the tests agree at every bound.</li>
 *   <li>Equal log ratios (identical values in two pairs, common with coarse percentiles) get average ranks, and the
 *       p-value is the exact conditional one: all 2^n sign assignments of those ranks, equally likely under the
 *       null. The library computes the same without ties, so it is used then.</li>
 *   <li>Above {@value #EXACT_LIMIT} pairs the library's normal approximation (with tie and continuity correction)
 *       is used; there it is accurate, and exact counting gets slow.</li>
 * </ul>
 *
 * Because p-values are evaluated only between the steps of the statistic, they never depend on a rounding error
 * deciding whether a pair is "exactly at" the bound.
 */
public final class PairedRatioTest {
    /** Values are logged; a throughput of 0 has no log, but still ranks below every real value (as in RatioTest). */
    private static final double FLOOR = Double.MIN_NORMAL;
    /** Up to this many pairs p-values are exact. */
    static final int EXACT_LIMIT = 50;

    private PairedRatioTest() {
    }

    /**
     * @param candidate per-pair values of the candidate (at least one, finite, not negative)
     * @param baseline  per-pair values of the baseline: baseline[i] was measured in the same pair as candidate[i]
     * @param bound     the ratio to test against (&gt; 0), e.g. 1.10 for "at most 10 % slower"
     * @param alpha     significance level of each one-sided test, and of each end of the interval
     * @return the evidence; its {@code ratio} is the typical paired ratio, exp of the Hodges-Lehmann estimate of d
     *         (not the ratio of the two medians, which are reported as they are); trial counts are the pairs;
     *         {@code spread} is the standard deviation of d as a fraction, NaN under two pairs
     */
    public static RatioEvidence compare(double[] candidate, double[] baseline, double bound, double alpha) {
        checkPairs(candidate, baseline);
        if (!(bound > 0) || !Double.isFinite(bound)) {
            throw new IllegalArgumentException("bound must be a positive ratio: " + bound);
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5): " + alpha);
        }
        int n = candidate.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = log(candidate[i]) - log(baseline[i]);
        }
        SignedRank test = new SignedRank(d);
        double[] walsh = walshAverages(d);
        double[] steps = distinct(walsh);
        double mu = Math.log(bound);
        // the probe between the steps around mu; on a step, the side that counts against the claim
        double pAbove = test.pAbove(ShiftInterval.probe(steps, countAtMost(steps, mu)));
        double pBelow = test.pBelow(ShiftInterval.probe(steps, countBelow(steps, mu)));

        double lowShift = ShiftInterval.lowerEnd(steps, test::pAbove, alpha);
        double highShift = ShiftInterval.upperEnd(steps, test::pBelow, alpha);
        double estimate = ShiftInterval.median(walsh);
        return new RatioEvidence(n, n, ShiftInterval.median(candidate), ShiftInterval.median(baseline),
                Math.exp(estimate), Math.exp(lowShift), Math.exp(highShift), 1 - 2 * alpha, bound, pAbove, pBelow,
                smallestP(n), spread(d));
    }

    /**
     * The smallest one-sided p-value n pairs can give: every pair on the same side of the bound, one sign pattern
     * of 2^n. (Exact up to {@value #EXACT_LIMIT} pairs; beyond, the approximation gives a number just as far below
     * any useful α.)
     */
    public static double smallestP(int pairs) {
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs must be at least 1: " + pairs);
        }
        return Math.scalb(1.0, -pairs);
    }

    /** The fewest pairs whose smallest p-value is below α: 7 for 0.01, 10 for 0.001. */
    public static int pairsNeeded(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        int pairs = 1;
        while (smallestP(pairs) >= alpha) {
            pairs++;
        }
        return pairs;
    }

    /** Standard deviation of the log ratios, as a fraction; NaN under two pairs. */
    static double spread(double[] d) {
        if (d.length < 2) {
            return Double.NaN;
        }
        return Math.expm1(StandardDeviation.of(d).getAsDouble());
    }

    private static int countAtMost(double[] sorted, double x) {
        int i = 0;
        while (i < sorted.length && sorted[i] <= x) {
            i++;
        }
        return i;
    }

    private static int countBelow(double[] sorted, double x) {
        int i = 0;
        while (i < sorted.length && sorted[i] < x) {
            i++;
        }
        return i;
    }

    /** All (d_i + d_j) / 2 with i ≤ j, sorted, with repeats: their median is the Hodges-Lehmann estimate. */
    static double[] walshAverages(double[] d) {
        int n = d.length;
        double[] w = new double[n * (n + 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                w[k++] = d[i] + (d[j] - d[i]) / 2;
            }
        }
        Arrays.sort(w);
        return w;
    }

    private static double[] distinct(double[] sorted) {
        double[] out = new double[sorted.length];
        int k = 0;
        for (double v : sorted) {
            // == rather than equals(): 0.0 and -0.0 are one step
            if (k == 0 || v != out[k - 1]) {
                out[k++] = v;
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static double log(double value) {
        return Math.log(Math.max(value, FLOOR));
    }

    private static void checkPairs(double[] candidate, double[] baseline) {
        if (candidate == null || baseline == null || candidate.length == 0 || baseline.length == 0) {
            throw new IllegalArgumentException("no pairs: candidate and baseline need at least one value each");
        }
        if (candidate.length != baseline.length) {
            throw new IllegalArgumentException("candidate has " + candidate.length + " values but baseline has "
                    + baseline.length + ": paired trials need one of each per pair");
        }
        for (int i = 0; i < candidate.length; i++) {
            check(candidate[i], "candidate", i);
            check(baseline[i], "baseline", i);
        }
    }

    private static void check(double v, String side, int pair) {
        if (!Double.isFinite(v) || v < 0) {
            throw new IllegalArgumentException(side + " value " + v + " of pair " + (pair + 1)
                    + " is not a finite value ≥ 0");
        }
    }

    /** The two one-sided signed-rank tests of the log ratios d, shifted to any m. */
    static final class SignedRank {
        private static final WilcoxonSignedRankTest ABOVE =
                WilcoxonSignedRankTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN);
        private static final WilcoxonSignedRankTest BELOW =
                WilcoxonSignedRankTest.withDefaults().with(AlternativeHypothesis.LESS_THAN);

        private final double[] d;
        private final boolean tied;
        private final PValueMethod method;

        SignedRank(double[] d) {
            this.d = d;
            double[] sorted = d.clone();
            Arrays.sort(sorted);
            boolean t = false;
            for (int i = 1; i < sorted.length; i++) {
                t |= sorted[i] == sorted[i - 1];
            }
            this.tied = t;
            this.method = d.length <= EXACT_LIMIT ? PValueMethod.EXACT : PValueMethod.ASYMPTOTIC;
        }

        /** p-value of "the pseudo-median of d is above m"; m must lie between the steps (not on a Walsh average). */
        double pAbove(double m) {
            return p(ABOVE, m, true);
        }

        /** p-value of "the pseudo-median of d is below m". */
        double pBelow(double m) {
            return p(BELOW, m, false);
        }

        private double p(WilcoxonSignedRankTest test, double m, boolean above) {
            if (tied && method == PValueMethod.EXACT) {
                return exactWithTies(d, m, above);
            }
            return test.with(method).withMu(m).test(d).getPValue();
        }
    }

    /**
     * Exact conditional p-value with average ranks: under the null each of the 2^n sign patterns of the ranks of
     * |d − m| is equally likely. Ranks are doubled to stay integers. Zeros (none between steps, but rounding) keep
     * no sign and are left out, as the library's statistic does.
     */
    static double exactWithTies(double[] d, double m, boolean above) {
        int n = d.length;
        double[] z = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            z[i] = d[i] - m;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(z[a]), Math.abs(z[b])));
        int[] rank2 = new int[n];
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && Math.abs(z[order[end + 1]]) == Math.abs(z[order[start]])) {
                end++;
            }
            for (int k = start; k <= end; k++) {
                // average of ranks start+1 .. end+1, doubled
                rank2[order[k]] = start + end + 2;
            }
            start = end + 1;
        }
        int total = 0;
        int observed = 0;
        for (int i = 0; i < n; i++) {
            if (z[i] != 0) {
                total += rank2[i];
                if (z[i] > 0) {
                    observed += rank2[i];
                }
            }
        }
        double[] prob = new double[total + 1];
        prob[0] = 1;
        int reach = 0;
        for (int i = 0; i < n; i++) {
            int r = rank2[i];
            if (z[i] == 0) {
                continue;
            }
            reach += r;
            for (int s = reach; s >= 0; s--) {
                prob[s] = 0.5 * prob[s] + (s >= r ? 0.5 * prob[s - r] : 0);
            }
        }
        double p = 0;
        if (above) {
            for (int s = observed; s <= total; s++) {
                p += prob[s];
            }
        } else {
            for (int s = 0; s <= observed; s++) {
                p += prob[s];
            }
        }
        return Math.min(1, p);
    }
}
