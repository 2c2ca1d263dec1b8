package dev.perfgate.scenario;

import dev.perfgate.result.Latencies;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * Reads a trial's recorders once a second, adds each interval to the totals and writes it to the trial's
 * HdrHistogram interval log, with the tags of the HTTP engine (corrected.NAME, uncorrected.NAME, sendLag).
 */
final class IntervalLog implements AutoCloseable {
    private static final long INTERVAL_MILLIS = 1_000;

    private final String name;
    private final PrintStream stream;
    private final HistogramLogWriter writer;
    private final Histogram[] totals = {Latencies.newHistogram(), Latencies.newHistogram(), Latencies.newHistogram()};
    private final Histogram[] recycle = new Histogram[3];
    private Recorder[] recorders;
    private ScheduledExecutorService executor;
    private long t0Millis;
    private long t0Nanos;
    private long lastEndMillis;

    private IntervalLog(String name, PrintStream stream) {
        this.name = name.trim().replaceAll("[\\s,]+", "_");
        this.stream = stream;
        this.writer = stream == null ? null : new HistogramLogWriter(stream);
    }

    static IntervalLog open(TrialShape shape) {
        Path file = shape.intervalLog();
        if (file == null) {
            return new IntervalLog(shape.name(), null);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new IntervalLog(shape.name(), new PrintStream(file.toFile(), "UTF-8"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the interval log " + file + ": " + e.getMessage(), e);
        }
    }

    void start(long t0Millis, long t0Nanos, Recorder corrected, Recorder uncorrected, Recorder sendLag) {
        this.t0Millis = t0Millis;
        this.t0Nanos = t0Nanos;
        this.lastEndMillis = t0Millis;
        this.recorders = new Recorder[] {corrected, uncorrected, sendLag};
        if (writer != null) {
            writer.outputComment("perfgate Java scenario " + name + ", one interval per second; values in "
                    + "microseconds; tags corrected.NAME / uncorrected.NAME, sendLag");
            writer.outputLogFormatVersion();
            writer.outputStartTime(t0Millis);
            writer.setBaseTime(t0Millis);
            writer.outputLegend();
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "perfgate-scenario-reporter");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(() -> interval(t0Millis + (System.nanoTime() - t0Nanos) / 1_000_000),
                INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops the reporter, collects the last interval; returns the totals: corrected, uncorrected, send lag. */
    Histogram[] finish(long endMillis) throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
        interval(endMillis);
        return totals;
    }

    private synchronized void interval(long endMillis) {
        String[] tags = {"corrected." + name, "uncorrected." + name, "sendLag"};
        for (int k = 0; k < 3; k++) {
            recycle[k] = recorders[k].getIntervalHistogram(recycle[k]);
            totals[k].add(recycle[k]);
            if (writer != null) {
                recycle[k].setStartTimeStamp(lastEndMillis);
                recycle[k].setEndTimeStamp(Math.max(endMillis, lastEndMillis));
                recycle[k].setTag(tags[k]);
                writer.outputIntervalHistogram(recycle[k]);
            }
        }
        if (stream != null) {
            stream.flush();
        }
        lastEndMillis = endMillis;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (stream != null) {
            stream.close();
        }
    }
}
