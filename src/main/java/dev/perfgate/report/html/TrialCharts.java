package dev.perfgate.report.html;

import dev.perfgate.report.html.Chart.Series;
import dev.perfgate.result.RequestStats;
import dev.perfgate.result.RunResult;
import dev.perfgate.result.TrialResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Each trial's figures of one request, this run beside the baseline: relative gates compare one value per trial,
 * so the scatter between trials is the noise a verdict has to see through. In an interleaved A/B run trial i of
 * both sides is pair i, measured one right after the other.
 */
public final class TrialCharts {
    private TrialCharts() {
    }

    /** p95 and p99 (corrected) per trial. */
    public static Chart latency(String id, String title, RunResult run, RunResult baseline, String request) {
        List<Series> series = new ArrayList<>();
        add(series, "this run p99", Series.CANDIDATE, Series.SOLID, run, request, s -> s.corrected().p99());
        add(series, "this run p95", Series.CANDIDATE, Series.DOTTED, run, request, s -> s.corrected().p95());
        add(series, "baseline p99", Series.BASELINE, Series.SOLID, baseline, request, s -> s.corrected().p99());
        add(series, "baseline p95", Series.BASELINE, Series.DOTTED, baseline, request, s -> s.corrected().p95());
        return new Chart(id, Chart.TRIALS, title, xLabel(run), "latency (ms)", false, ticks(run, baseline),
                series);
    }

    /** Successful requests per second per trial. */
    public static Chart throughput(String id, String title, RunResult run, RunResult baseline, String request) {
        List<Series> series = new ArrayList<>();
        add(series, "this run", Series.CANDIDATE, Series.SOLID, run, request, RequestStats::throughput);
        add(series, "baseline", Series.BASELINE, Series.SOLID, baseline, request, RequestStats::throughput);
        return new Chart(id, Chart.TRIALS, title, xLabel(run), "throughput (requests/s)", false,
                ticks(run, baseline), series);
    }

    private static String xLabel(RunResult run) {
        return run.pairing() != null ? "pair" : "trial";
    }

    private static List<Chart.Tick> ticks(RunResult run, RunResult baseline) {
        int last = 0;
        for (RunResult r : new RunResult[] {run, baseline}) {
            if (r != null) {
                for (TrialResult t : r.trials()) {
                    last = Math.max(last, t.trial());
                }
            }
        }
        List<Chart.Tick> ticks = new ArrayList<>();
        for (int i = 1; i <= last; i++) {
            ticks.add(new Chart.Tick(i, String.valueOf(i)));
        }
        return ticks;
    }

    private static void add(List<Series> series, String label, String side, String line, RunResult r,
            String request, ToDoubleFunction<RequestStats> figure) {
        if (r == null) {
            return;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (TrialResult t : r.trials()) {
            RequestStats s = request == null ? t.overall() : t.requests().get(request);
            if (s == null || s.count() == 0) {
                continue;
            }
            double v = figure.applyAsDouble(s);
            xs.add((double) t.trial());
            ys.add(Double.isFinite(v) ? v : null);
        }
        if (!xs.isEmpty()) {
            series.add(new Series(label, side, line, xs, ys));
        }
    }
}
