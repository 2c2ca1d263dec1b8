package dev.perfgate.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The load definition as recorded in a run or baseline: enough for a person to see what was measured, with
 * secret values already redacted, and a hash that changes whenever the load changes.
 *
 * @param model           "open" or "closed"
 * @param rate            requests per second (open model)
 * @param rampUpSeconds   ramp-up within each trial
 * @param durationSeconds measured length of one trial
 * @param warmupSeconds   unmeasured warm-up after each start of the service (before the first trial, or before
 *                        every trial when {@code restartPerTrial})
 * @param trials          trials measured
 * @param plannedTrials   trials planned before any extension; 0 in files written before extensions existed
 * @param maxTrials       the cap on extensions, fixed in advance; 0 in files written before extensions existed
 * @param restartPerTrial whether every trial ran in a freshly started service; part of the hash only when true
 * @param connections     keep-alive connections
 * @param requests        the request mix, one map per request (name, method, path, weight, redacted headers...)
 * @param feeder          feeder source and row count, or null
 * @param hash            SHA-256 of the canonical redacted definition: relative gates require equal hashes
 * @param external        the script or scenario that defined the load (tool, source, sha256, settings), or null for
 *                        perfgate's own request mix; left out of the file when null
 */
public record LoadInfo(String model, double rate, double rampUpSeconds, double durationSeconds, double warmupSeconds,
        int trials, int plannedTrials, int maxTrials, boolean restartPerTrial, int connections,
        List<Map<String, Object>> requests, Map<String, Object> feeder, String hash,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> external) {

    /** Perfgate's own request mix. */
    public LoadInfo(String model, double rate, double rampUpSeconds, double durationSeconds, double warmupSeconds,
            int trials, int plannedTrials, int maxTrials, boolean restartPerTrial, int connections,
            List<Map<String, Object>> requests, Map<String, Object> feeder, String hash) {
        this(model, rate, rampUpSeconds, durationSeconds, warmupSeconds, trials, plannedTrials, maxTrials,
                restartPerTrial, connections, requests, feeder, hash, null);
    }

    /** Exactly the planned trials, one service for all of them. */
    public LoadInfo(String model, double rate, double rampUpSeconds, double durationSeconds, double warmupSeconds,
            int trials, int connections, List<Map<String, Object>> requests, Map<String, Object> feeder,
            String hash) {
        this(model, rate, rampUpSeconds, durationSeconds, warmupSeconds, trials, trials, trials, false, connections,
                requests, feeder, hash);
    }

    /** The same load with the trial counts of a measurement that may have been extended. */
    public LoadInfo withTrials(int measured, int cap) {
        return new LoadInfo(model, rate, rampUpSeconds, durationSeconds, warmupSeconds, measured, plannedTrials, cap,
                restartPerTrial, connections, requests, feeder, hash, external);
    }
}
