package dev.perfgate.result;

/**
 * One request name (or all requests) over all trials of a run, computed from the trials' merged histograms.
 *
 * @param stats                figures of the merged distribution; throughput is per second over all trials
 * @param correctedHistogram   HdrHistogram compressed + base64, microseconds
 * @param uncorrectedHistogram HdrHistogram compressed + base64, microseconds
 */
public record MergedResult(RequestStats stats, String correctedHistogram, String uncorrectedHistogram) {
}
