package dev.perfgate.imports;

import java.util.List;

/**
 * What perfgate needs from k6's end-of-test summary: the request count (to cross-check the point-by-point import)
 * and k6's own thresholds (reported, never gated on: perfgate's gates decide).
 *
 * @param httpReqs   k6's {@code http_reqs} count; -1 when the summary has none
 * @param thresholds every threshold of every metric, in the summary's order
 */
public record K6Summary(long httpReqs, List<Threshold> thresholds) {
    public K6Summary {
        thresholds = List.copyOf(thresholds);
    }

    /** The thresholds k6 found crossed. */
    public List<Threshold> failed() {
        return thresholds.stream().filter(t -> !t.passed()).toList();
    }

    /**
     * One threshold of a metric.
     *
     * @param metric     e.g. {@code http_req_duration} or a submetric {@code http_req_duration{name:login}}
     * @param expression e.g. {@code p(95)<200}
     * @param passed     whether k6 found it met
     */
    public record Threshold(String metric, String expression, boolean passed) {
        @Override
        public String toString() {
            return metric + ": " + expression;
        }
    }
}
