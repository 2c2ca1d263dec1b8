package dev.perfgate.stats;

import java.util.TreeSet;
import org.apache.commons.statistics.descriptive.Variance;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Compares per-trial values of a candidate and a baseline with one-sided Mann-Whitney U tests on log values,
 * with the null hypothesis shifted to a margin. Why these choices:
 *
 * <ul>
 *   <li>One value per trial, never pooled requests: requests within a trial are not independent of the trial's
 *       offset, and tests on pooled requests raise false alarms with ordinary trial-to-trial drift.</li>
 *   <li>Logs, because performance changes are multiplicative: a shift of log(1.10) is "10 % slower" whatever the
 *       baseline's size, and the result reads as a ratio.</li>
 *   <li>Mann-Whitney, because it needs no normality, and commons-statistics computes exact p-values for the
 *       small samples (5–30 trials) a build can afford.</li>
 * </ul>
 *
 * The interval of the ratio is found by inverting the same one-sided tests (the Hodges-Lehmann interval): its
 * lower end is the smallest shift the "above" test cannot reject at α, its upper end likewise for "below". So
 * "the interval lies above the bound" and "p(above) &lt; α" say the same thing.
 */
public final class RatioTest {
    /** Values are logged; a throughput of 0 has no log, but still ranks below every real value. */
    private static final double FLOOR = Double.MIN_NORMAL;

    private RatioTest() {
    }

    /**
     * @param candidate per-trial values of the candidate (at least one, finite, not negative)
     * @param baseline  per-trial values of the baseline (likewise)
     * @param bound     the ratio to test against (&gt; 0)
     * @param alpha     significance level of each one-sided test, and of each end of the interval
     */
    public static RatioEvidence compare(double[] candidate, double[] baseline, double bound, double alpha) {
        check(candidate, "candidate");
        check(baseline, "baseline");
        if (!(bound > 0) || !Double.isFinite(bound)) {
            throw new IllegalArgumentException("bound must be a positive ratio: " + bound);
        }
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5): " + alpha);
        }
        double[] x = logs(candidate);
        double[] y = logs(baseline);
        double mu = Math.log(bound);
        MannWhitneyUTest above = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN);
        MannWhitneyUTest below = MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.LESS_THAN);
        double pAbove = above.withMu(mu).test(x, y).getPValue();
        double pBelow = below.withMu(mu).test(x, y).getPValue();

        double[] shifts = distinctPairwiseDifferences(x, y);
        // p(above) grows with the shift tested; the interval's lower end is where it stops rejecting.
        double lowShift = ShiftInterval.lowerEnd(shifts, m -> above.withMu(m).test(x, y).getPValue(), alpha);
        double highShift = ShiftInterval.upperEnd(shifts, m -> below.withMu(m).test(x, y).getPValue(), alpha);

        double candidateMedian = ShiftInterval.median(candidate);
        double baselineMedian = ShiftInterval.median(baseline);
        double ratio = baselineMedian > 0 ? candidateMedian / baselineMedian
                : candidateMedian > 0 ? Double.POSITIVE_INFINITY : 1.0;
        return new RatioEvidence(candidate.length, baseline.length, candidateMedian, baselineMedian, ratio,
                Math.exp(lowShift), Math.exp(highShift), 1 - 2 * alpha, bound, pAbove, pBelow,
                smallestP(candidate.length, baseline.length), spread(x, y));
    }

    /** The smallest one-sided p-value n against m trials can give: all of one side above all of the other. */
    public static double smallestP(int n, int m) {
        double[] x = new double[n];
        double[] y = new double[m];
        for (int i = 0; i < n; i++) {
            x[i] = m + i;
        }
        for (int j = 0; j < m; j++) {
            y[j] = j;
        }
        return MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN).test(x, y).getPValue();
    }

    /**
     * Pooled standard deviation of log values within each side, as a fraction: how much trials of the same code
     * differ. NaN when neither side has two values.
     */
    static double spread(double[] x, double[] y) {
        int df = Math.max(0, x.length - 1) + Math.max(0, y.length - 1);
        if (df == 0) {
            return Double.NaN;
        }
        double sum = sumOfSquares(x) + sumOfSquares(y);
        if (!Double.isFinite(sum)) {
            // a floored 0 among the values: the trials disagree beyond any margin
            return Double.POSITIVE_INFINITY;
        }
        return Math.expm1(Math.sqrt(sum / df));
    }

    private static double sumOfSquares(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        return Variance.of(v).getAsDouble() * (v.length - 1);
    }

    private static double[] distinctPairwiseDifferences(double[] x, double[] y) {
        TreeSet<Double> set = new TreeSet<>();
        for (double xi : x) {
            for (double yj : y) {
                double diff = xi - yj;
                // floored zeros give huge differences that are still ordered; infinities cannot occur
                set.add(diff);
            }
        }
        return set.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] logs(double[] values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log(Math.max(values[i], FLOOR));
        }
        return logs;
    }

    private static void check(double[] values, String side) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("no " + side + " values");
        }
        for (double v : values) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException(side + " value " + v + " is not a finite value ≥ 0");
            }
        }
    }
}
