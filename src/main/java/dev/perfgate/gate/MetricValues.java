package dev.perfgate.gate;

import dev.perfgate.result.HistogramCodec;
import dev.perfgate.result.Latencies;
import dev.perfgate.result.MergedResult;
import dev.perfgate.result.RequestStats;
import dev.perfgate.result.RunResult;
import dev.perfgate.result.TrialResult;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Extracts a gate's metric from a run: over the merged distribution (absolute gates) or once per trial (relative
 * gates; the trial is the unit of replication). Latency metrics always come from the corrected histograms, never
 * from averaged percentiles.
 */
public final class MetricValues {
    private MetricValues() {
    }

    /** Why a value cannot be had: a missing request, histogram or trial. */
    public static final class Unavailable extends Exception {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** The metric over all trials of the run (merged histogram or merged stats), in the metric's unit. */
    public static double merged(RunResult run, Gate gate) throws Unavailable {
        return merged(run, gate.request(), gate.metric());
    }

    public static double merged(RunResult run, String request, Metric metric) throws Unavailable {
        MergedResult merged = request == null ? run.overall() : run.requests().get(request);
        String label = request == null ? "all requests" : "request '" + request + "'";
        if (merged == null || merged.stats() == null) {
            throw new Unavailable("it has no results for " + label);
        }
        if (metric.isLatency()) {
            if (merged.correctedHistogram() == null) {
                throw new Unavailable("it has no corrected histogram for " + label);
            }
            Histogram h = decode(merged.correctedHistogram(), label);
            if (h.getTotalCount() == 0) {
                throw new Unavailable("no latencies were recorded for " + label);
            }
            return fromHistogram(h, metric);
        }
        return fromStats(merged.stats(), metric);
    }

    /**
     * One value per trial, in trial order. Trials without any request of that name are left out for latency and
     * error rate (they have no value); their throughput counts as 0.
     */
    public static List<Double> perTrial(RunResult run, Gate gate) throws Unavailable {
        return perTrial(run, gate.request(), gate.metric());
    }

    public static List<Double> perTrial(RunResult run, String request, Metric metric) throws Unavailable {
        String label = request == null ? "all requests" : "request '" + request + "'";
        List<Double> values = new ArrayList<>();
        for (TrialResult trial : run.trials()) {
            if (metric.isLatency()) {
                String encoded = trial.histograms().get(request == null ? RunResult.ALL : request);
                if (encoded == null) {
                    RequestStats stats = stats(trial, request);
                    if (stats != null && stats.count() == 0) {
                        continue;
                    }
                    throw new Unavailable("trial " + trial.trial() + " has no histogram for " + label);
                }
                Histogram h = decode(encoded, label + " in trial " + trial.trial());
                if (h.getTotalCount() > 0) {
                    values.add(fromHistogram(h, metric));
                }
            } else {
                RequestStats stats = stats(trial, request);
                if (stats == null || stats.count() == 0) {
                    if (metric.kind() == Metric.Kind.THROUGHPUT) {
                        values.add(0.0);
                    }
                    continue;
                }
                values.add(fromStats(stats, metric));
            }
        }
        if (values.isEmpty()) {
            throw new Unavailable(run.trials().isEmpty() ? "it has no trials"
                    : "no trial measured " + label);
        }
        return values;
    }

    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("median of nothing");
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** A latency metric of a histogram of microseconds, in milliseconds. */
    public static double fromHistogram(Histogram h, Metric metric) {
        return switch (metric.kind()) {
            case PERCENTILE -> Latencies.millis(h.getValueAtPercentile(metric.percentile()));
            case MEAN -> h.getMean() / 1000.0;
            case MAX -> Latencies.millis(h.getMaxValue());
            case MIN -> Latencies.millis(h.getMinValue());
            default -> throw new IllegalArgumentException(metric.name() + " is not a latency metric");
        };
    }

    private static double fromStats(RequestStats stats, Metric metric) {
        return switch (metric.kind()) {
            case THROUGHPUT -> stats.throughput();
            case ERROR_RATE -> stats.errorRate();
            default -> throw new IllegalArgumentException(metric.name() + " is a latency metric");
        };
    }

    private static RequestStats stats(TrialResult trial, String request) {
        return request == null ? trial.overall() : trial.requests().get(request);
    }

    private static Histogram decode(String encoded, String label) throws Unavailable {
        try {
            return HistogramCodec.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new Unavailable("the histogram of " + label + " is corrupt (" + e.getMessage() + ")");
        }
    }
}
