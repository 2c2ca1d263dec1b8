package dev.perfgate.result;

import org.HdrHistogram.Histogram;

/**
 * The usual figures of one latency distribution, in milliseconds. Always computed from a histogram, never by
 * averaging other summaries' percentiles.
 */
public record LatencySummary(double min, double mean, double p50, double p90, double p95, double p99, double p999,
        double max) {

    public static LatencySummary of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(
                Latencies.millis(h.getMinValue()),
                round(h.getMean() / 1000.0),
                percentileMillis(h, 50),
                percentileMillis(h, 90),
                percentileMillis(h, 95),
                percentileMillis(h, 99),
                percentileMillis(h, 99.9),
                Latencies.millis(h.getMaxValue()));
    }

    public static double percentileMillis(Histogram h, double percentile) {
        return Latencies.millis(h.getValueAtPercentile(percentile));
    }

    private static double round(double millis) {
        return Math.round(millis * 1000.0) / 1000.0;
    }
}
