package dev.perfgate.measure;

import dev.perfgate.result.Latencies;
import dev.perfgate.result.LatencySummary;
import dev.perfgate.result.RequestStats;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one trial recorded for one request name (or for all of them together).
 *
 * <p>{@code corrected} holds every request of the trial, timed from its intended send time, errors and
 * unfinished requests included: it is the latency a user of the service would have seen.
 * {@code uncorrected} holds the requests that were actually sent, timed from the actual send: the service
 * time, which hides queueing and must never be gated on alone.
 */
public final class RequestRecording {
    private final Histogram corrected;
    private final Histogram uncorrected;
    private final EnumMap<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);

    public RequestRecording() {
        this(Latencies.newHistogram(), Latencies.newHistogram());
    }

    public RequestRecording(Histogram corrected, Histogram uncorrected) {
        this.corrected = corrected;
        this.uncorrected = uncorrected;
    }

    public Histogram corrected() {
        return corrected;
    }

    public Histogram uncorrected() {
        return uncorrected;
    }

    /** Number of requests of the trial: successes and errors. */
    public long requests() {
        return corrected.getTotalCount();
    }

    public long errorCount() {
        long sum = 0;
        for (long n : errors.values()) {
            sum += n;
        }
        return sum;
    }

    public Map<ErrorKind, Long> errors() {
        return errors;
    }

    public void addError(ErrorKind kind, long count) {
        if (count > 0) {
            errors.merge(kind, count, Long::sum);
        }
    }

    /** Adds another recording's data into this one: histograms are merged, never their percentiles averaged. */
    public void add(RequestRecording other) {
        corrected.add(other.corrected);
        uncorrected.add(other.uncorrected);
        other.errors.forEach(this::addError);
    }

    /** The stored figures of this recording over {@code measuredSeconds} of measured time. */
    public RequestStats stats(double measuredSeconds) {
        long count = requests();
        long errors = errorCount();
        Map<String, Long> byKind = new TreeMap<>();
        errors().forEach((kind, n) -> byKind.put(kind.label(), n));
        double rate = count == 0 ? 0 : (double) errors / count;
        // Successes only: in the open model every scheduled request is recorded (unfinished and timed-out ones
        // too), so counting them would make throughput equal the configured rate whatever the service did.
        double throughput = measuredSeconds <= 0 ? 0
                : Math.round((count - errors) / measuredSeconds * 100.0) / 100.0;
        return new RequestStats(count, errors, byKind, rate, throughput, LatencySummary.of(corrected()),
                LatencySummary.of(uncorrected()));
    }
}
