package dev.perfgate.report.html;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The "nines" axis of a percentile-distribution plot (Gil Tene's HdrHistogram plots): a quantile q sits at
 * x = log10(1 / (1 - q)), so 90 % is at 1, 99 % at 2, 99.9 % at 3, and every further nine gets the same width as
 * the one before. On a linear percentile axis the tail, where regressions and coordinated omission show, would be
 * squeezed into the last pixel.
 */
public final class Nines {
    /** Where the axis ends at the least: 99.99 %. */
    public static final int MIN_NINES = 4;
    /** Where it ends at the most: 99.9999 %; more would need a billion samples to say anything. */
    public static final int MAX_NINES = 6;
    /** Grid step: 20 points per nine. */
    public static final double STEP = 0.05;

    private Nines() {
    }

    /** x of a quantile 0 ≤ q &lt; 1; q = 1 has no place on the axis (+∞). */
    public static double x(double quantile) {
        if (!(quantile >= 0 && quantile <= 1)) {
            throw new IllegalArgumentException("a quantile is between 0 and 1, not " + quantile);
        }
        return Math.log10(1 / (1 - quantile));
    }

    /** The quantile at x ≥ 0: 1 - 10^-x. */
    public static double quantile(double x) {
        if (!(x >= 0)) {
            throw new IllegalArgumentException("the nines axis starts at 0, not " + x);
        }
        return 1 - Math.pow(10, -x);
    }

    /** The tick label of x as a percentage: 0 → "0 %", 1 → "90 %", 3 → "99.9 %", 1.5 → "96.84 %". */
    public static String label(double x) {
        BigDecimal percent = BigDecimal.valueOf(100 * quantile(x));
        int decimals = Math.max(0, (int) Math.ceil(x) - 1);
        if (x != Math.rint(x)) {
            decimals += 1;
        }
        return percent.setScale(decimals, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + " %";
    }

    /**
     * Where the most resolving of the given sample counts stops saying anything: with n samples the highest
     * quantile below the maximum is 1 - 1/n, at x = log10(n). At least {@link #MIN_NINES}, at most
     * {@link #MAX_NINES}, in whole nines, so that the axis ends on a tick.
     */
    public static int axisEnd(long... sampleCounts) {
        double most = 0;
        for (long n : sampleCounts) {
            if (n > 1) {
                most = Math.max(most, Math.log10(n));
            }
        }
        return (int) Math.max(MIN_NINES, Math.min(MAX_NINES, Math.ceil(most - 1e-9)));
    }

    /** The grid x = 0, STEP, 2·STEP … up to {@code end}, without rounding drift. */
    public static List<Double> grid(double end) {
        List<Double> xs = new ArrayList<>();
        int steps = (int) Math.round(end / STEP);
        for (int i = 0; i <= steps; i++) {
            xs.add(BigDecimal.valueOf(i).multiply(BigDecimal.valueOf(STEP)).doubleValue());
        }
        return xs;
    }

    /** The ticks 0, 1, … end (0 %, 90 %, 99 % …). */
    public static List<Integer> ticks(int end) {
        List<Integer> ticks = new ArrayList<>();
        for (int i = 0; i <= end; i++) {
            ticks.add(i);
        }
        return ticks;
    }
}
