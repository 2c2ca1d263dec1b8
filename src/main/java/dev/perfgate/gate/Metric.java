package dev.perfgate.gate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a gate measures. Latency metrics are the corrected latency (from the intended send time) in
 * milliseconds; throughput is requests per second; errorRate is a fraction (0.01 = 1 %).
 *
 * @param kind       which figure
 * @param percentile for {@link Kind#PERCENTILE}: 0 &lt; p ≤ 100; otherwise 0
 * @param name       canonical name: "p99", "p99.9", "mean", "throughput", "errorRate"
 */
public record Metric(Kind kind, double percentile, String name) {

    public enum Kind {
        PERCENTILE, MEAN, MAX, MIN, THROUGHPUT, ERROR_RATE
    }

    public static final String HELP = "use p50..p99.99, mean, max, min, throughput or errorRate";

    private static final Pattern PERCENTILE = Pattern.compile("[pP](\\d{1,3}(?:\\.\\d+)?)");

    /**
     * Metric names are case-insensitive ("P99", "errorrate", "Throughput"); messages use the canonical
     * spelling. Trailing zeros of a percentile are dropped: "p99.90" is "p99.9".
     */
    public static Optional<Metric> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        Matcher m = PERCENTILE.matcher(t);
        if (m.matches()) {
            BigDecimal p = new BigDecimal(m.group(1));
            if (p.signum() <= 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
                return Optional.empty();
            }
            String canonical = p.stripTrailingZeros().toPlainString();
            return Optional.of(new Metric(Kind.PERCENTILE, p.doubleValue(), "p" + canonical));
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "mean" -> Optional.of(new Metric(Kind.MEAN, 0, "mean"));
            case "max" -> Optional.of(new Metric(Kind.MAX, 0, "max"));
            case "min" -> Optional.of(new Metric(Kind.MIN, 0, "min"));
            case "throughput" -> Optional.of(new Metric(Kind.THROUGHPUT, 0, "throughput"));
            case "errorrate" -> Optional.of(new Metric(Kind.ERROR_RATE, 0, "errorRate"));
            default -> Optional.empty();
        };
    }

    public static Metric of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("unknown metric '" + text + "'; " + HELP));
    }

    public boolean isLatency() {
        return kind == Kind.PERCENTILE || kind == Kind.MEAN || kind == Kind.MAX || kind == Kind.MIN;
    }

    /** Latency and error rate: lower is better. Throughput: higher is better. */
    public boolean lowerIsBetter() {
        return kind != Kind.THROUGHPUT;
    }

    @Override
    public String toString() {
        return name;
    }
}
