package dev.perfgate.load;

import dev.perfgate.measure.ErrorKind;
import dev.perfgate.result.Latencies;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Reads the event loops' recorders once a second on its own thread: adds each interval to the trial's totals,
 * writes it to the interval log, and reports progress about every 5 s. The event loops never wait for it.
 *
 * <p>Only one thread reads the recorders at a time: the reporter thread while the trial runs, then the trial
 * thread for the last interval after the reporter thread has stopped.
 */
final class TrialReporter implements AutoCloseable {
    static final long INTERVAL_MILLIS = 1_000;
    static final int PROGRESS_EVERY = 5;

    private final Trial trial;
    private final int specs;
    private final String[] correctedTags;
    private final String[] uncorrectedTags;
    private final Histogram[] totalCorrected;
    private final Histogram[] totalUncorrected;
    private final Histogram totalSendLag = Latencies.newHistogram();
    private final Histogram[] intervalCorrected;
    private final Histogram[] intervalUncorrected;
    private final Histogram intervalSendLag = Latencies.newHistogram();
    private final Histogram[][] recycleCorrected;
    private final Histogram[][] recycleUncorrected;
    private final Histogram[] recycleSendLag;
    private final Histogram overall = Latencies.newHistogram();
    private final HistogramLogWriter log;
    private final PrintStream logStream;
    private ScheduledExecutorService executor;

    private long lastIntervalEndMillis;
    private int intervals;
    private long completedSinceProgress;
    private long progressSinceMillis;

    TrialReporter(Trial trial) throws LoadException {
        this.trial = trial;
        this.specs = trial.specs.size();
        int loops = trial.workers.length;
        correctedTags = new String[specs];
        uncorrectedTags = new String[specs];
        totalCorrected = new Histogram[specs];
        totalUncorrected = new Histogram[specs];
        intervalCorrected = new Histogram[specs];
        intervalUncorrected = new Histogram[specs];
        recycleCorrected = new Histogram[loops][specs];
        recycleUncorrected = new Histogram[loops][specs];
        recycleSendLag = new Histogram[loops];
        for (int s = 0; s < specs; s++) {
            String name = tag(trial.specs.get(s).name());
            correctedTags[s] = "corrected." + name;
            uncorrectedTags[s] = "uncorrected." + name;
            totalCorrected[s] = Latencies.newHistogram();
            totalUncorrected[s] = Latencies.newHistogram();
            intervalCorrected[s] = Latencies.newHistogram();
            intervalUncorrected[s] = Latencies.newHistogram();
        }
        Path file = trial.plan.intervalLog();
        if (file != null) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                logStream = new PrintStream(file.toFile(), "UTF-8");
            } catch (java.io.IOException e) {
                throw new LoadException("cannot write the interval log " + file + ": " + e.getMessage(), e);
            }
            log = new HistogramLogWriter(logStream);
        } else {
            logStream = null;
            log = null;
        }
    }

    /** An interval-log tag: no commas or white space (they would break the log's line format). */
    static String tag(String name) {
        return name.trim().replaceAll("[\\s,]+", "_");
    }

    /** Called on the trial thread once t0 is set. */
    void start() {
        lastIntervalEndMillis = trial.t0Millis;
        progressSinceMillis = trial.t0Millis;
        if (log != null) {
            log.outputComment("perfgate " + trial.label() + " against " + trial.url + ", one interval per second;"
                    + " values in microseconds; tags corrected.NAME / uncorrected.NAME per request, sendLag");
            log.outputLogFormatVersion();
            log.outputStartTime(trial.t0Millis);
            log.setBaseTime(trial.t0Millis);
            log.outputLegend();
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "perfgate-reporter");
            t.setDaemon(true);
            return t;
        });
        long firstDelayNanos = trial.t0Nanos + TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS) - System.nanoTime();
        executor.scheduleAtFixedRate(this::safeInterval, firstDelayNanos,
                TimeUnit.MILLISECONDS.toNanos(INTERVAL_MILLIS), TimeUnit.NANOSECONDS);
    }

    private void safeInterval() {
        try {
            long endMillis = trial.t0Millis + (System.nanoTime() - trial.t0Nanos) / 1_000_000;
            interval(endMillis);
            if (++intervals % PROGRESS_EVERY == 0) {
                progress(endMillis, false);
            }
        } catch (RuntimeException e) {
            // A reporting problem must not stop the trial; the totals are still collected at the end.
        }
    }

    /** Stops the reporter thread and collects the last interval on the calling thread. */
    void finish(long endMillis) throws InterruptedException {
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
        interval(endMillis);
        progress(endMillis, true);
    }

    private void interval(long endMillis) {
        LoopWorker[] workers = trial.workers;
        intervalSendLag.reset();
        for (int w = 0; w < workers.length; w++) {
            recycleSendLag[w] = workers[w].sendLag.getIntervalHistogram(recycleSendLag[w]);
            intervalSendLag.add(recycleSendLag[w]);
        }
        totalSendLag.add(intervalSendLag);
        for (int s = 0; s < specs; s++) {
            intervalCorrected[s].reset();
            intervalUncorrected[s].reset();
            for (int w = 0; w < workers.length; w++) {
                recycleCorrected[w][s] = workers[w].corrected[s].getIntervalHistogram(recycleCorrected[w][s]);
                recycleUncorrected[w][s] = workers[w].uncorrected[s].getIntervalHistogram(recycleUncorrected[w][s]);
                intervalCorrected[s].add(recycleCorrected[w][s]);
                intervalUncorrected[s].add(recycleUncorrected[w][s]);
            }
            totalCorrected[s].add(intervalCorrected[s]);
            totalUncorrected[s].add(intervalUncorrected[s]);
            completedSinceProgress += intervalCorrected[s].getTotalCount();
        }
        if (log != null) {
            for (int s = 0; s < specs; s++) {
                write(intervalCorrected[s], correctedTags[s], endMillis);
                write(intervalUncorrected[s], uncorrectedTags[s], endMillis);
            }
            write(intervalSendLag, "sendLag", endMillis);
            logStream.flush();
        }
        lastIntervalEndMillis = endMillis;
    }

    private void write(Histogram h, String tag, long endMillis) {
        h.setStartTimeStamp(lastIntervalEndMillis);
        h.setEndTimeStamp(Math.max(endMillis, lastIntervalEndMillis));
        h.setTag(tag);
        log.outputIntervalHistogram(h);
    }

    private void progress(long nowMillis, boolean last) {
        overall.reset();
        for (Histogram h : totalCorrected) {
            overall.add(h);
        }
        long errors = 0;
        for (LoopWorker w : trial.workers) {
            for (int s = 0; s < specs; s++) {
                for (ErrorKind kind : ErrorKind.values()) {
                    errors += w.errorCount(s, kind);
                }
            }
        }
        double elapsed = (nowMillis - trial.t0Millis) / 1000.0;
        double total = trial.durationNanos / 1e9;
        double p99 = Latencies.millis(overall.getValueAtPercentile(99));
        String line;
        if (last) {
            line = String.format(Locale.ROOT, "%s done: %.1f s schedule + %.1f s drain, %d requests (%.0f req/s), "
                    + "p99 %.1f ms, %d errors, send lag p90/p99 %.1f/%.1f ms", trial.label(), total,
                    Math.max(0, elapsed - total), overall.getTotalCount(), overall.getTotalCount() / total, p99,
                    errors, Latencies.millis(totalSendLag.getValueAtPercentile(90)),
                    Latencies.millis(totalSendLag.getValueAtPercentile(99)));
        } else {
            double window = Math.max(0.001, (nowMillis - progressSinceMillis) / 1000.0);
            line = String.format(Locale.ROOT, "%s: %.1f/%.0f s, %.0f req/s, p99 so far %.1f ms, %d errors",
                    trial.label(), elapsed, total, completedSinceProgress / window, p99, errors);
        }
        completedSinceProgress = 0;
        progressSinceMillis = nowMillis;
        try {
            trial.plan.progress().progress(line);
        } catch (RuntimeException e) {
            // the listener's problem must not stop the trial
        }
    }

    Histogram corrected(int spec) {
        return totalCorrected[spec];
    }

    Histogram uncorrected(int spec) {
        return totalUncorrected[spec];
    }

    Histogram sendLag() {
        return totalSendLag;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (logStream != null) {
            logStream.close();
        }
    }
}
