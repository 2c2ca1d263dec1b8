package dev.perfgate.result;

import java.util.Map;
import java.util.TreeMap;

/**
 * Figures of one request name (or of all requests) over one trial or a whole run.
 *
 * @param count        requests, errors included
 * @param errors       requests that failed
 * @param errorsByKind failed requests by the label of their kind (timeout, status, unfinished...)
 * @param errorRate    errors / count, 0 when there were no requests
 * @param throughput   successful requests per second of measured time (errors and unfinished requests excluded)
 * @param corrected    latency from the intended send time: what users see (coordinated omission corrected)
 * @param uncorrected  latency from the actual send: service time only
 */
public record RequestStats(long count, long errors, Map<String, Long> errorsByKind, double errorRate,
        double throughput, LatencySummary corrected, LatencySummary uncorrected) {

    public RequestStats {
        errorsByKind = errorsByKind == null ? Map.of() : new TreeMap<>(errorsByKind);
    }
}
