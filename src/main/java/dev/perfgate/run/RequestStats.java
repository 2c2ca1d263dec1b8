package dev.perfgate.run;

import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figures of one request name (or of all requests) over one trial or a whole run.
 *
 * @param count        requests, errors included
 * @param errors       requests that failed
 * @param errorsByKind failed requests by {@link ErrorKind} label
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

    public static RequestStats of(RequestRecording recording, double measuredSeconds) {
        long count = recording.requests();
        long errors = recording.errorCount();
        Map<String, Long> byKind = new TreeMap<>();
        recording.errors().forEach((kind, n) -> byKind.put(kind.label(), n));
        double rate = count == 0 ? 0 : (double) errors / count;
        // Successes only: in the open model every scheduled request is recorded (unfinished and timed-out ones
        // too), so counting them would make throughput equal the configured rate whatever the service did.
        double throughput = measuredSeconds <= 0 ? 0
                : Math.round((count - errors) / measuredSeconds * 100.0) / 100.0;
        return new RequestStats(count, errors, byKind, rate, throughput,
                LatencySummary.of(recording.corrected()), LatencySummary.of(recording.uncorrected()));
    }
}
