package dev.perfgate.report.html;

import dev.perfgate.report.html.Chart.Series;
import dev.perfgate.result.HistogramCodec;
import dev.perfgate.result.Latencies;
import dev.perfgate.result.MergedResult;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The latency distribution of one request over a whole run, on the {@link Nines} axis, from the merged
 * HdrHistograms of run.json: this run and the baseline, each corrected (from the intended send time: what users
 * saw) and uncorrected (service time), so that coordinated omission shows as the gap between the two.
 */
public final class PercentileChart {
    private PercentileChart() {
    }

    /** A histogram of a run, or null when it is missing or cannot be decoded (the chart then goes without it). */
    static Histogram decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            Histogram h = HistogramCodec.decode(base64);
            return h.getTotalCount() == 0 ? null : h;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * @param candidate this run's merged result of the request, or null
     * @param baseline  the baseline's, or null
     * @param closed    closed model: both histograms are service time, so only one line per run is drawn
     * @return the chart; without series when neither run has a histogram
     */
    public static Chart of(String id, String title, MergedResult candidate, MergedResult baseline, boolean closed) {
        Histogram runCorrected = candidate == null ? null : decode(candidate.correctedHistogram());
        Histogram runUncorrected = candidate == null || closed ? null : decode(candidate.uncorrectedHistogram());
        Histogram baseCorrected = baseline == null ? null : decode(baseline.correctedHistogram());
        Histogram baseUncorrected = baseline == null || closed ? null : decode(baseline.uncorrectedHistogram());
        int end = Nines.axisEnd(count(runCorrected), count(runUncorrected), count(baseCorrected),
                count(baseUncorrected));
        List<Series> series = new ArrayList<>();
        String corrected = closed ? "" : ", corrected";
        add(series, "this run" + corrected, Series.CANDIDATE, Series.SOLID, runCorrected, end);
        add(series, "this run, uncorrected", Series.CANDIDATE, Series.DASHED, runUncorrected, end);
        add(series, "baseline" + corrected, Series.BASELINE, Series.SOLID, baseCorrected, end);
        add(series, "baseline, uncorrected", Series.BASELINE, Series.DASHED, baseUncorrected, end);
        List<Chart.Tick> ticks = Nines.ticks(end).stream().map(t -> new Chart.Tick(t, Nines.label(t))).toList();
        return new Chart(id, Chart.NINES, title, "percentile", "latency (ms, log scale)", true, ticks, series);
    }

    private static long count(Histogram h) {
        return h == null ? 0 : h.getTotalCount();
    }

    private static void add(List<Series> series, String label, String side, String line, Histogram h, int end) {
        if (h != null) {
            series.add(series(label, side, line, h, end));
        }
    }

    /**
     * The histogram's value at every grid point up to where its samples resolve (x = log10(n)), and its maximum
     * there: beyond 1 - 1/n a histogram only knows its largest sample, and a line on to the axis' end would
     * pretend to know the tail. (With more samples than the axis shows, the line ends at the axis' end instead.)
     */
    static Series series(String label, String side, String line, Histogram h, int end) {
        // rounded before the loop, so that the last point never repeats a grid point's x
        double resolved = Math.round(Math.min(end, Math.log10(h.getTotalCount())) * 1e6) / 1e6;
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (double x : Nines.grid(end)) {
            if (x >= resolved) {
                break;
            }
            xs.add(x);
            ys.add(millis(h.getValueAtPercentile(100 * Nines.quantile(x))));
        }
        xs.add(resolved);
        boolean cut = Math.log10(h.getTotalCount()) > end;
        ys.add(millis(cut ? h.getValueAtPercentile(100 * Nines.quantile(resolved)) : h.getMaxValue()));
        return new Series(label, side, line, xs, ys);
    }

    /** Microseconds to milliseconds; null for 0, which a log axis cannot show. */
    private static Double millis(long micros) {
        return micros <= 0 ? null : Latencies.millis(micros);
    }
}
