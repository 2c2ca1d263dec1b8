package dev.perfgate.run;

import java.util.List;
import java.util.Map;

/**
 * The load definition as recorded in a run or baseline: enough for a person to see what was measured, with
 * secret values already redacted, and a hash that changes whenever the load changes.
 *
 * @param model          "open" or "closed"
 * @param rate           requests per second (open model)
 * @param rampUpSeconds  ramp-up within each trial
 * @param durationSeconds measured length of one trial
 * @param warmupSeconds  unmeasured warm-up before the first trial
 * @param trials         number of trials
 * @param connections    keep-alive connections
 * @param requests       the request mix, one map per request (name, method, path, weight, redacted headers...)
 * @param feeder         feeder source and row count, or null
 * @param hash           SHA-256 of the canonical redacted definition: relative gates require equal hashes
 */
public record LoadInfo(String model, double rate, double rampUpSeconds, double durationSeconds, double warmupSeconds,
        int trials, int connections, List<Map<String, Object>> requests, Map<String, Object> feeder, String hash) {
}
