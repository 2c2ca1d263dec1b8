package dev.perfgate.gate;

/**
 * A {@code <gate>} exactly as written in the pom: raw strings, validated by {@link Gates#parse}.
 *
 * @param request        request name; all requests together when null or blank
 * @param metric         p50, p99.9, any pNN, mean, max, min, throughput or errorRate
 * @param max            upper bound with its unit (250ms, 1000/s, 1%)
 * @param min            lower bound with its unit
 * @param maxRegression  largest allowed change for the worse against the baseline (10%)
 * @param minImprovement smallest required change for the better against the baseline (10%), or max/min met
 */
public record GateSpec(String request, String metric, String max, String min, String maxRegression,
        String minImprovement) {

    /** The gate as a person wrote it, for error messages: "p99 of GET /search max 250ms". */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(blank(metric) ? "<no metric>" : metric.trim());
        b.append(" of ").append(blank(request) ? "all requests" : request.trim());
        append(b, "max", max);
        append(b, "min", min);
        append(b, "maxRegression", maxRegression);
        append(b, "minImprovement", minImprovement);
        return b.toString();
    }

    private static void append(StringBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.append(' ').append(name).append(' ').append(value.trim());
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
