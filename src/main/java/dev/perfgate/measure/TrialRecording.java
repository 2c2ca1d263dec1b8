package dev.perfgate.measure;

import dev.perfgate.result.LoadModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a load engine hands back after one trial: per-request recordings plus the facts needed to judge whether
 * the measurement itself can be trusted.
 */
public final class TrialRecording {
    private final int trial;
    private final LoadModel model;
    private final long startEpochMillis;
    private final long endEpochMillis;
    private final double measuredSeconds;
    private final long scheduled;
    private final long sent;
    private final Histogram sendLagWhileIdle;
    private final Map<String, RequestRecording> byRequest;
    private final List<String> flags;
    private final List<String> warnings;
    private final Path intervalLog;

    /**
     * @param trial            1-based trial number (0 for warm-up)
     * @param model            the load model that produced it
     * @param startEpochMillis wall-clock start of the measured window (t0)
     * @param endEpochMillis   wall-clock end of the measured window, drain included
     * @param measuredSeconds  the trial's configured duration: throughput = requests / this
     * @param scheduled        requests the schedule called for (open model); requests sent (closed model)
     * @param sent             requests actually written to a connection
     * @param sendLagWhileIdle microseconds between a request's intended time and its send, for requests that found
     *                         an idle connection: the engine's own delay
     * @param byRequest        recordings by request name, in declaration order
     * @param flags            reasons this trial is not a valid measurement (empty when it is)
     * @param warnings         things a reader should know that do not invalidate the measurement
     * @param intervalLog      the HdrHistogram interval log written for this trial, or null
     */
    public TrialRecording(int trial, LoadModel model, long startEpochMillis, long endEpochMillis,
            double measuredSeconds, long scheduled, long sent, Histogram sendLagWhileIdle,
            Map<String, RequestRecording> byRequest, List<String> flags, List<String> warnings, Path intervalLog) {
        this.trial = trial;
        this.model = model;
        this.startEpochMillis = startEpochMillis;
        this.endEpochMillis = endEpochMillis;
        this.measuredSeconds = measuredSeconds;
        this.scheduled = scheduled;
        this.sent = sent;
        this.sendLagWhileIdle = sendLagWhileIdle;
        this.byRequest = new LinkedHashMap<>(byRequest);
        this.flags = new ArrayList<>(flags);
        this.warnings = new ArrayList<>(warnings);
        this.intervalLog = intervalLog;
    }

    public int trial() {
        return trial;
    }

    public LoadModel model() {
        return model;
    }

    public long startEpochMillis() {
        return startEpochMillis;
    }

    public long endEpochMillis() {
        return endEpochMillis;
    }

    public double measuredSeconds() {
        return measuredSeconds;
    }

    public long scheduled() {
        return scheduled;
    }

    public long sent() {
        return sent;
    }

    public Histogram sendLagWhileIdle() {
        return sendLagWhileIdle;
    }

    public Map<String, RequestRecording> byRequest() {
        return byRequest;
    }

    public List<String> flags() {
        return flags;
    }

    public List<String> warnings() {
        return warnings;
    }

    public Path intervalLog() {
        return intervalLog;
    }

    /** All requests of the trial together. */
    public RequestRecording overall() {
        RequestRecording all = new RequestRecording();
        byRequest.values().forEach(all::add);
        return all;
    }
}
