package dev.perfgate.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated gate. Limits are in the metric's unit: milliseconds for latency metrics, requests per second for
 * throughput, a fraction for errorRate (0.01 = 1 %). {@code maxRegression} and {@code minImprovement} are
 * fractions (0.10 = 10 %).
 *
 * @param index          1-based position in the pom
 * @param request        request name, or null for all requests together
 * @param metric         what is measured
 * @param max            upper bound, or null
 * @param min            lower bound, or null
 * @param maxRegression  largest allowed change for the worse against the baseline, or null
 * @param minImprovement smallest required change for the better (unless max/min is met), or null
 */
public record Gate(int index, String request, Metric metric, Double max, Double min, Double maxRegression,
        Double minImprovement) {

    /** "p99 of GET /search" or "p99 of all requests". */
    public String describe() {
        return metric.name() + " of " + requestLabel();
    }

    public String requestLabel() {
        return request == null ? "all requests" : request;
    }

    public boolean hasAbsolute() {
        return max != null || min != null;
    }

    public boolean hasRelative() {
        return maxRegression != null || minImprovement != null;
    }

    /** The limit a check of the given category tested, for reports: "max 250 ms", "max regression 10 %". */
    public String limitText(Category category) {
        if (category == null) {
            return allLimits();
        }
        return switch (category) {
            case THRESHOLD -> absoluteText();
            case REGRESSION -> regressionText();
            case IMPROVEMENT_NOT_MET -> improvementText();
            case MISSING_BASELINE, INCOMPARABLE_BASELINE -> relativeText();
            default -> allLimits();
        };
    }

    /** "max 250 ms", "min 1000/s", "min 10 ms, max 250 ms". */
    public String absoluteText() {
        List<String> parts = new ArrayList<>();
        if (min != null) {
            parts.add("min " + Units.limit(metric, min));
        }
        if (max != null) {
            parts.add("max " + Units.limit(metric, max));
        }
        return String.join(", ", parts);
    }

    /** The absolute limits as a condition: "p95 ≤ 10 ms", "throughput ≥ 1000/s", "1 ms ≤ p95 ≤ 10 ms". */
    public String targetText() {
        if (min != null && max != null) {
            return Units.limit(metric, min) + " ≤ " + metric.name() + " ≤ " + Units.limit(metric, max);
        }
        if (max != null) {
            return metric.name() + " ≤ " + Units.limit(metric, max);
        }
        if (min != null) {
            return metric.name() + " ≥ " + Units.limit(metric, min);
        }
        return "";
    }

    String regressionText() {
        return maxRegression == null ? "" : "max regression " + Units.percent(maxRegression);
    }

    String improvementText() {
        if (minImprovement == null) {
            return "";
        }
        String s = "improvement ≥ " + Units.percent(minImprovement);
        return hasAbsolute() ? s + " or " + targetText() : s;
    }

    private String relativeText() {
        List<String> parts = new ArrayList<>();
        if (maxRegression != null) {
            parts.add(regressionText());
        }
        if (minImprovement != null) {
            parts.add(improvementText());
        }
        return String.join(", ", parts);
    }

    private String allLimits() {
        List<String> parts = new ArrayList<>();
        if (minImprovement == null && hasAbsolute()) {
            parts.add(absoluteText());
        }
        if (hasRelative()) {
            parts.add(relativeText());
        }
        return String.join(", ", parts);
    }
}
