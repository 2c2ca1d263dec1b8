package dev.perfgate.gate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How numbers appear in messages and reports. Measured values: latency in ms with one decimal (three
 * significant digits below 1 ms: "0.412 ms"), throughput with one decimal ("812.0/s"), error rate as a percentage
 * with two decimals ("0.25 %"). Limits are printed as plainly as they were written ("250 ms", "1000/s", "1 %").
 * Changes are signed percentages with one decimal ("+29.6 %").
 *
 * <p>Like JaCoCo's check messages, a value that violates a limit can be rounded away from the limit, so that a
 * failing 250.04 ms never prints as "250.0 ms, but the maximum is 250 ms".
 */
public final class Units {
    private Units() {
    }

    public static String value(Metric metric, double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return render(metric, rounded(metric, value));
    }

    /**
     * The value, with as many more decimals as it takes to show on which side of the limit it is: a p99 of
     * 250.04 ms over a maximum of 250 ms prints as "250.04 ms", not "250.0 ms".
     */
    public static String valueBeyond(Metric metric, double value, double limit, boolean above) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal shown = rounded(metric, value);
        BigDecimal exact = BigDecimal.valueOf(scaled(metric, value));
        BigDecimal lim = BigDecimal.valueOf(scaled(metric, limit));
        int scale = Math.max(shown.scale(), 0);
        while (scale < 9 && (above ? shown.compareTo(lim) <= 0 : shown.compareTo(lim) >= 0)) {
            scale++;
            shown = exact.setScale(scale, RoundingMode.HALF_UP);
        }
        return render(metric, shown);
    }

    /** Milliseconds, requests per second, or percent for the error rate. */
    private static double scaled(Metric metric, double value) {
        return metric.kind() == Metric.Kind.ERROR_RATE ? value * 100.0 : value;
    }

    private static BigDecimal rounded(Metric metric, double value) {
        if (metric.isLatency()) {
            return latencyDecimal(value, RoundingMode.HALF_UP);
        }
        int scale = metric.kind() == Metric.Kind.THROUGHPUT ? 1 : 2;
        return BigDecimal.valueOf(scaled(metric, value)).setScale(scale, RoundingMode.HALF_UP);
    }

    private static String render(Metric metric, BigDecimal shown) {
        if (shown.signum() == 0) {
            shown = shown.abs();
        }
        String number = shown.toPlainString();
        if (metric.isLatency()) {
            return number + " ms";
        }
        return metric.kind() == Metric.Kind.THROUGHPUT ? number + "/s" : number + " %";
    }

    /** A limit in the metric's unit, without trailing zeros: "250 ms", "0.9 ms", "1000/s", "0.5 %". */
    public static String limit(Metric metric, double limit) {
        if (metric.isLatency()) {
            return plain(limit) + " ms";
        }
        if (metric.kind() == Metric.Kind.THROUGHPUT) {
            return plain(limit) + "/s";
        }
        return percent(limit);
    }

    /** A fraction as a plain percentage: 0.1 → "10 %". */
    public static String percent(double fraction) {
        return plain(fraction * 100.0) + " %";
    }

    public static String latency(double millis) {
        return latency(millis, RoundingMode.HALF_UP);
    }

    public static String latency(double millis, RoundingMode mode) {
        return latencyNumber(millis, mode) + " ms";
    }

    /** Milliseconds without the unit, for table columns headed "ms". */
    public static String latencyNumber(double millis) {
        return latencyNumber(millis, RoundingMode.HALF_UP);
    }

    public static String latencyNumber(double millis, RoundingMode mode) {
        if (!Double.isFinite(millis)) {
            return String.valueOf(millis);
        }
        BigDecimal b = latencyDecimal(millis, mode);
        return (b.signum() == 0 ? b.abs() : b).toPlainString();
    }

    private static BigDecimal latencyDecimal(double millis, RoundingMode mode) {
        if (millis != 0 && Math.abs(millis) < 1) {
            BigDecimal b = BigDecimal.valueOf(millis).round(new MathContext(3, mode));
            if (b.abs().compareTo(BigDecimal.ONE) < 0) {
                return b;
            }
        }
        return BigDecimal.valueOf(millis).setScale(1, mode);
    }

    /** Relative change of {@code value} against {@code base} as a fraction, or NaN when base is 0. */
    public static double change(double value, double base) {
        if (base == 0) {
            return value == 0 ? 0 : Double.NaN;
        }
        return (value - base) / base;
    }

    /** "+29.6 %", "-19.6 %", "+0.0 %"; "n/a" when there is no meaningful change (base 0). */
    public static String signedChange(double value, double base) {
        return signedPercent(change(value, base), RoundingMode.HALF_UP);
    }

    public static String signedPercent(double fraction, RoundingMode mode) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        BigDecimal b = BigDecimal.valueOf(fraction * 100.0).setScale(1, mode);
        if (b.signum() == 0) {
            return "+0.0 %";
        }
        return (b.signum() > 0 ? "+" : "") + b.toPlainString() + " %";
    }

    /**
     * A change that broke a percentage limit, signed, with one decimal or as many more as it takes to show that
     * its magnitude is beyond the limit: +10.04 % over a 10 % maximum prints as "+10.04 %", not "+10.0 %".
     */
    public static String signedPercentBeyond(double fraction, double limitFraction) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        BigDecimal exact = BigDecimal.valueOf(fraction * 100.0);
        BigDecimal lim = BigDecimal.valueOf(limitFraction * 100.0);
        int scale = 1;
        BigDecimal shown = exact.setScale(scale, RoundingMode.HALF_UP);
        while (scale < 9 && shown.abs().compareTo(lim) <= 0) {
            scale++;
            shown = exact.setScale(scale, RoundingMode.HALF_UP);
        }
        return (shown.signum() > 0 ? "+" : "") + shown.toPlainString() + " %";
    }

    /** Unsigned percentage with one decimal: 0.041 → "4.1 %". */
    public static String unsignedPercent(double fraction, RoundingMode mode) {
        if (!Double.isFinite(fraction)) {
            return "n/a";
        }
        return BigDecimal.valueOf(Math.abs(fraction) * 100.0).setScale(1, mode).toPlainString() + " %";
    }

    public static String decimal(double value, int scale, RoundingMode mode) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal b = BigDecimal.valueOf(value).setScale(scale, mode);
        if (b.signum() == 0) {
            b = b.abs();
        }
        return b.toPlainString();
    }

    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal b = BigDecimal.valueOf(value).round(new MathContext(12)).stripTrailingZeros();
        if (b.scale() < 0) {
            b = b.setScale(0);
        }
        return b.toPlainString();
    }
}
