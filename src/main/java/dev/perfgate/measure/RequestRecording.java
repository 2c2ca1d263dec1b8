package dev.perfgate.measure;

import java.util.EnumMap;
import java.util.Map;
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
}
