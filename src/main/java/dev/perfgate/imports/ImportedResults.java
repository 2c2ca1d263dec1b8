package dev.perfgate.imports;

import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.Latencies;
import dev.perfgate.result.LoadModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * What an external load tool measured, by request name, in perfgate's own recordings: every sample goes into a
 * histogram (microseconds, as {@link Latencies}), so tools' results are merged and gated like the embedded engine's,
 * never by averaging the tool's percentiles.
 *
 * <p>Most tools time a request from its actual send. For those, {@link #record(String, long, ErrorKind)} puts the same
 * value into the corrected and the uncorrected histogram: the reports say how the tool timed (see the tool's
 * timing note), and no correction is invented that the tool's data cannot support.
 */
public final class ImportedResults {
    private final Map<String, RequestRecording> byRequest = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();
    private long firstEpochMillis = Long.MAX_VALUE;
    private long lastEpochMillis = Long.MIN_VALUE;

    /** One request timed from its actual send; {@code error} null for a success. */
    public void record(String name, long micros, ErrorKind error) {
        record(name, micros, micros, error);
    }

    /**
     * One request, with its latency from the intended send time (corrected) and from the actual send (uncorrected),
     * for tools that know both (wrk2, an open-model schedule).
     */
    public void record(String name, long correctedMicros, long uncorrectedMicros, ErrorKind error) {
        RequestRecording r = recording(name);
        r.corrected().recordValue(Latencies.clampMicros(correctedMicros));
        r.uncorrected().recordValue(Latencies.clampMicros(uncorrectedMicros));
        if (error != null) {
            r.addError(error, 1);
        }
    }

    /** Whole histograms (microseconds) a tool wrote, e.g. an HdrHistogram interval log. */
    public void add(String name, Histogram corrected, Histogram uncorrected) {
        RequestRecording r = recording(name);
        r.corrected().add(corrected);
        r.uncorrected().add(uncorrected);
    }

    /** Errors counted apart from the latency samples (which must then already include them). */
    public void addErrors(String name, ErrorKind kind, long count) {
        recording(name).addError(kind, count);
    }

    /** Widens the time span the results cover. */
    public void seen(long epochMillis) {
        firstEpochMillis = Math.min(firstEpochMillis, epochMillis);
        lastEpochMillis = Math.max(lastEpochMillis, epochMillis);
    }

    /** Something a reader should know that does not invalidate the measurement. */
    public void warn(String warning) {
        warnings.add(warning);
    }

    /** A reason the measurement is not valid (e.g. the generator dropped iterations): the trial is flagged. */
    public void flag(String problem) {
        flags.add(problem);
    }

    /** Adds another result into this one (several files, several generator hosts): histograms are merged. */
    public void merge(ImportedResults other) {
        other.byRequest.forEach((name, r) -> recording(name).add(r));
        warnings.addAll(other.warnings);
        flags.addAll(other.flags);
        if (other.firstEpochMillis != Long.MAX_VALUE) {
            seen(other.firstEpochMillis);
            seen(other.lastEpochMillis);
        }
    }

    /** Recordings by request name, in the order first seen. */
    public Map<String, RequestRecording> byRequest() {
        return Collections.unmodifiableMap(byRequest);
    }

    /** Requests of all names: successes and errors. */
    public long requests() {
        long n = 0;
        for (RequestRecording r : byRequest.values()) {
            n += r.requests();
        }
        return n;
    }

    public OptionalLong firstEpochMillis() {
        return firstEpochMillis == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(firstEpochMillis);
    }

    public OptionalLong lastEpochMillis() {
        return lastEpochMillis == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(lastEpochMillis);
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    public List<String> flags() {
        return Collections.unmodifiableList(flags);
    }

    /**
     * The trial these results make, in the form the embedded engine hands back: every request was sent (the tool
     * knows no schedule of ours), and there is no send lag of ours to report.
     *
     * @param seconds the trial's measured length: throughput is requests / seconds
     */
    public TrialRecording toTrial(int trial, LoadModel model, long startEpochMillis, long endEpochMillis,
            double seconds) {
        long n = requests();
        return new TrialRecording(trial, model, startEpochMillis, endEpochMillis, seconds, n, n,
                Latencies.newHistogram(), byRequest, flags, warnings, null);
    }

    private RequestRecording recording(String name) {
        return byRequest.computeIfAbsent(name, n -> new RequestRecording());
    }
}
