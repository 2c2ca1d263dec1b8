package dev.perfgate.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One measured trial as stored in run.json and in the baseline. The unit of replication: gates that compare
 * runs use one value per metric per trial.
 *
 * @param trial              1-based number
 * @param startEpochMillis   start of the measured window (wall clock), used to cut profiles to the window
 * @param endEpochMillis     end of the measured window, drain included
 * @param seconds            measured duration (throughput denominator)
 * @param scheduled          requests the schedule called for
 * @param sent               requests written to a connection
 * @param sendLagP99Millis   p99 of the engine's own send lag while a connection was idle
 * @param overall            all requests together
 * @param requests           by request name
 * @param histograms         corrected latency histogram per request name, HdrHistogram compressed + base64;
 *                           key {@link RunResult#ALL} for all requests
 * @param flags              reasons this trial is not a valid measurement
 * @param warnings           things to know that do not invalidate it (e.g. every connection was busy)
 * @param intervalLog        the trial's .hlog file, relative to the run directory (not in baselines)
 * @param jfr                the trial's .jfr file, relative to the run directory (not in baselines)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialResult(int trial, long startEpochMillis, long endEpochMillis, double seconds, long scheduled,
        long sent, double sendLagP99Millis, RequestStats overall, Map<String, RequestStats> requests,
        Map<String, String> histograms, List<String> flags, List<String> warnings, String intervalLog,
        String jfr) {

    public TrialResult {
        requests = requests == null ? Map.of() : new TreeMap<>(requests);
        histograms = histograms == null ? Map.of() : new TreeMap<>(histograms);
        flags = flags == null ? List.of() : List.copyOf(flags);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public TrialResult withoutLocalFiles() {
        return new TrialResult(trial, startEpochMillis, endEpochMillis, seconds, scheduled, sent, sendLagP99Millis,
                overall, requests, histograms, flags, warnings, null, null);
    }

    public TrialResult withJfr(String jfrFile) {
        return new TrialResult(trial, startEpochMillis, endEpochMillis, seconds, scheduled, sent, sendLagP99Millis,
                overall, requests, histograms, flags, warnings, intervalLog, jfrFile);
    }
}
