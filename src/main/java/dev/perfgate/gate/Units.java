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
        return value(metric, value, RoundingMode.HALF_UP);
    }

    public static String value(Metric metric, double value, RoundingMode mode) {
        if (metric.isLatency()) {
            return latency(value, mode);
        }
        if (metric.kind() == Metric.Kind.THROUGHPUT) {
            return decimal(value, 1, mode) + "/s";
        }
        return decimal(value * 100.0, 2, mode) + " %";
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
        if (millis != 0 && Math.abs(millis) < 1) {
            BigDecimal b = BigDecimal.valueOf(millis).round(new MathContext(3, mode));
            if (b.abs().compareTo(BigDecimal.ONE) < 0) {
                return b.toPlainString();
            }
        }
        return decimal(millis, 1, mode);
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
