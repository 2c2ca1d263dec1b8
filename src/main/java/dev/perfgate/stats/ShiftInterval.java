package dev.perfgate.stats;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The confidence interval of a shift by inverting a one-sided rank test, for the Mann-Whitney (RatioTest) and the
 * Wilcoxon signed-rank (PairedRatioTest) alike. A rank test's p-value is a step function of the shift tested: it
 * changes only where the shift crosses one of the sorted steps (pairwise differences, Walsh averages) and is
 * constant in between. So the ends are found by bisection over the gaps between steps, testing once per gap
 * instead of solving for a continuous root, and the interval's ends are steps themselves.
 */
final class ShiftInterval {
    private ShiftInterval() {
    }

    /**
     * The largest step whose gap above it still rejects "shift at most this" at alpha, or −∞ when even the gap
     * below every step does not.
     *
     * @param pAbove the p-value of "the shift is above m", which grows with m
     */
    static double lowerEnd(double[] steps, DoubleUnaryOperator pAbove, double alpha) {
        if (pAbove.applyAsDouble(probe(steps, 0)) >= alpha) {
            return Double.NEGATIVE_INFINITY;
        }
        int lo = 0;
        int hi = steps.length;
        // invariant: probe(lo) rejects; find the last probe that rejects
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (pAbove.applyAsDouble(probe(steps, mid)) < alpha) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo < steps.length ? steps[lo] : Double.POSITIVE_INFINITY;
    }

    /** The mirror of {@link #lowerEnd}: the smallest step whose gap below it still rejects; +∞ when none does. */
    static double upperEnd(double[] steps, DoubleUnaryOperator pBelow, double alpha) {
        if (pBelow.applyAsDouble(probe(steps, steps.length)) >= alpha) {
            return Double.POSITIVE_INFINITY;
        }
        int lo = 0;
        int hi = steps.length;
        // invariant: probe(hi) rejects; find the first probe that rejects
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pBelow.applyAsDouble(probe(steps, mid)) < alpha) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo > 0 ? steps[lo - 1] : Double.NEGATIVE_INFINITY;
    }

    /** A shift inside gap k: below steps[k] and above steps[k-1], where the p-value is constant. */
    static double probe(double[] steps, int k) {
        if (k == 0) {
            return steps[0] - 1;
        }
        if (k == steps.length) {
            return steps[steps.length - 1] + 1;
        }
        // not (a + b) / 2, which overflows for huge floored logs
        return steps[k - 1] + (steps[k] - steps[k - 1]) / 2;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
