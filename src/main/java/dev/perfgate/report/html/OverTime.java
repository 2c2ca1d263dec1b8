package dev.perfgate.report.html;

import dev.perfgate.report.html.Chart.Series;
import dev.perfgate.result.Latencies;
import dev.perfgate.result.RunResult;
import dev.perfgate.result.TrialResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Throughput and latency second by second, from the trials' interval logs (trial-N.hlog; an interleaved run's
 * baseline version wrote baseline-trial-N.hlog). All requests together: the corrected histograms of every request
 * of an interval are added up. The x axis is wall-clock seconds since the first trial began, so the two sides of
 * an A/B run appear where they ran, one after the other; a line breaks between trials.
 *
 * @param throughput responses per second, or a chart without series when no log was read
 * @param latency    p50 and p99 per interval
 * @param notes      what could not be read, one line each, for the page
 */
public record OverTime(Chart throughput, Chart latency, List<String> notes) {
    /** The engine's own send lag and service time are left out: the chart is what users saw. */
    static final String CORRECTED = "corrected.";
    /** The last interval of a trial holds only the drain: a few ms would make a meaningless rate. */
    static final long SHORTEST_INTERVAL_MILLIS = 250;

    /** One interval of one trial, all requests added up. */
    record Interval(long startMillis, long endMillis, Histogram corrected) {
    }

    /** @param directory where the run's files are: its interval logs are named relative to it */
    public static OverTime of(String throughputId, String latencyId, Path directory, RunResult run,
            RunResult baseline) {
        List<String> notes = new ArrayList<>();
        List<List<Interval>> runTrials = read(directory, run, notes);
        List<List<Interval>> baseTrials = baseline == null ? List.of() : read(directory, baseline, notes);
        long t0 = Long.MAX_VALUE;
        for (List<List<Interval>> side : List.of(runTrials, baseTrials)) {
            for (List<Interval> trial : side) {
                t0 = Math.min(t0, trial.get(0).startMillis());
            }
        }
        List<Series> rates = new ArrayList<>();
        List<Series> latencies = new ArrayList<>();
        if (!runTrials.isEmpty()) {
            rates.add(series("this run", Series.CANDIDATE, Series.SOLID, runTrials, t0, -1));
            latencies.add(series("this run p99", Series.CANDIDATE, Series.SOLID, runTrials, t0, 99));
            latencies.add(series("this run p50", Series.CANDIDATE, Series.DOTTED, runTrials, t0, 50));
        }
        if (!baseTrials.isEmpty()) {
            rates.add(series("baseline", Series.BASELINE, Series.SOLID, baseTrials, t0, -1));
            latencies.add(series("baseline p99", Series.BASELINE, Series.SOLID, baseTrials, t0, 99));
            latencies.add(series("baseline p50", Series.BASELINE, Series.DOTTED, baseTrials, t0, 50));
        }
        String x = "seconds since the first trial began";
        return new OverTime(
                new Chart(throughputId, Chart.TIME, "Throughput over time", x, "responses/s", false, List.of(),
                        rates),
                new Chart(latencyId, Chart.TIME, "Latency over time, corrected", x, "latency (ms, log scale)", true,
                        List.of(), latencies),
                notes);
    }

    /** Each trial's intervals, in trial order; trials without a readable log are left out (and noted). */
    static List<List<Interval>> read(Path directory, RunResult run, List<String> notes) {
        List<List<Interval>> trials = new ArrayList<>();
        for (TrialResult t : run.trials()) {
            if (t.intervalLog() == null) {
                continue;
            }
            Path file = directory.resolve(t.intervalLog());
            if (!Files.isRegularFile(file)) {
                notes.add(t.intervalLog() + " is not in " + directory);
                continue;
            }
            try {
                List<Interval> intervals = intervals(file);
                if (intervals.isEmpty()) {
                    notes.add(t.intervalLog() + " holds no interval of corrected latency");
                } else {
                    trials.add(intervals);
                }
            } catch (IOException | RuntimeException e) {
                notes.add(t.intervalLog() + " cannot be read: " + e.getMessage());
            }
        }
        return trials;
    }

    /** The intervals of one log, all requests' corrected histograms of each added up, in time order. */
    static List<Interval> intervals(Path file) throws IOException {
        Map<Long, Interval> byStart = new TreeMap<>();
        try (InputStream in = Files.newInputStream(file); HistogramLogReader reader = new HistogramLogReader(in)) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if (h.getTag() == null || !h.getTag().startsWith(CORRECTED) || !(h instanceof Histogram hist)) {
                    continue;
                }
                long start = h.getStartTimeStamp();
                long end = h.getEndTimeStamp();
                Interval interval = byStart.computeIfAbsent(start, s -> new Interval(s, end,
                        Latencies.newHistogram()));
                interval.corrected().add(hist);
            }
        }
        return new ArrayList<>(byStart.values());
    }

    /**
     * @param percentile the latency percentile to draw, or -1 for the rate; a null after each trial's last point
     *                   breaks the line, so that a pause between trials is not drawn as a slope
     */
    private static Series series(String label, String side, String line, List<List<Interval>> trials, long t0,
            double percentile) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (List<Interval> trial : trials) {
            int before = xs.size();
            for (Interval i : trial) {
                long millis = i.endMillis() - i.startMillis();
                if (millis < SHORTEST_INTERVAL_MILLIS) {
                    continue;
                }
                xs.add(round((i.endMillis() - t0) / 1000.0));
                if (percentile < 0) {
                    ys.add(round(i.corrected().getTotalCount() * 1000.0 / millis));
                } else {
                    long micros = i.corrected().getTotalCount() == 0 ? 0
                            : i.corrected().getValueAtPercentile(percentile);
                    ys.add(micros <= 0 ? null : Latencies.millis(micros));
                }
            }
            if (xs.size() > before) {
                xs.add(round(xs.get(xs.size() - 1) + 0.001));
                ys.add(null);
            }
        }
        return new Series(label, side, line, xs, ys);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
