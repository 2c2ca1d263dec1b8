package dev.perfgate.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.perfgate.report.html.Chart.Series;
import dev.perfgate.result.HistogramCodec;
import dev.perfgate.result.Latencies;
import dev.perfgate.result.MergedResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentileChartTest {
    /** 1 ms … 1000 ms, one sample each: the value at quantile q is about q × 1000 ms. */
    private static MergedResult uniform(long slowestMicros, long uncorrectedDivisor) {
        Histogram corrected = Latencies.newHistogram();
        Histogram uncorrected = Latencies.newHistogram();
        for (long i = 1; i <= 1000; i++) {
            corrected.recordValue(i * slowestMicros / 1000);
            uncorrected.recordValue(i * slowestMicros / 1000 / uncorrectedDivisor);
        }
        return new MergedResult(null, HistogramCodec.encode(corrected), HistogramCodec.encode(uncorrected));
    }

    private static Series series(Chart chart, String label) {
        return chart.series().stream().filter(s -> s.label().equals(label)).findFirst().orElseThrow();
    }

    private static double yAt(Series s, double x) {
        return s.y().get(s.x().indexOf(x));
    }

    @Test
    void valuesSitAtTheirQuantilesOnTheNinesAxis() {
        Chart chart = PercentileChart.of("c1", "t", uniform(1_000_000, 4), uniform(500_000, 1), false);

        assertThat(chart.kind()).isEqualTo(Chart.NINES);
        assertThat(chart.logY()).isTrue();
        assertThat(chart.ticks()).extracting(Chart.Tick::label)
                .containsExactly("0 %", "90 %", "99 %", "99.9 %", "99.99 %");
        assertThat(chart.series()).extracting(Series::label).containsExactly("this run, corrected",
                "this run, uncorrected", "baseline, corrected", "baseline, uncorrected");
        Series run = series(chart, "this run, corrected");
        assertThat(yAt(run, 0.0)).isCloseTo(1, within(0.01));
        assertThat(yAt(run, 0.3)).as("x 0.3 is the median").isCloseTo(499, within(5.0));
        assertThat(yAt(run, 1.0)).as("90 %").isCloseTo(900, within(5.0));
        assertThat(yAt(run, 2.0)).as("99 %").isCloseTo(990, within(5.0));
        assertThat(yAt(series(chart, "this run, uncorrected"), 1.0)).isCloseTo(225, within(2.0));
        assertThat(yAt(series(chart, "baseline, corrected"), 1.0)).isCloseTo(450, within(3.0));
    }

    @Test
    void aLineEndsWhereItsSamplesStopResolvingTheTail() {
        Chart chart = PercentileChart.of("c1", "t", uniform(1_000_000, 1), null, false);

        Series run = series(chart, "this run, corrected");
        // 1000 samples: 1 - 1/1000 = 99.9 % at x = 3, where the maximum is drawn
        assertThat(run.x().get(run.x().size() - 1)).isEqualTo(3.0);
        assertThat(run.y().get(run.y().size() - 1)).isCloseTo(1000, within(1.0));
        assertThat(run.x()).hasSize(61).allSatisfy(x -> assertThat(x).isLessThanOrEqualTo(3.0));
        assertThat(chart.ticks()).hasSize(5);
    }

    @Test
    void missingAndBrokenHistogramsAreLeftOutAndTheClosedModelDrawsOneLinePerRun() {
        MergedResult broken = new MergedResult(null, "not base64 at all", null);

        assertThat(PercentileChart.of("c1", "t", null, null, false).series()).isEmpty();
        assertThat(PercentileChart.of("c1", "t", broken, null, false).series()).isEmpty();
        assertThat(PercentileChart.of("c1", "t", broken, uniform(1_000, 1), false).series())
                .extracting(Series::label).containsExactly("baseline, corrected", "baseline, uncorrected");
        assertThat(PercentileChart.of("c1", "t", uniform(1_000, 1), uniform(1_000, 1), true).series())
                .extracting(Series::label, Series::side).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("this run", Series.CANDIDATE),
                        org.assertj.core.groups.Tuple.tuple("baseline", Series.BASELINE));
        assertThat(PercentileChart.of("c1", "t", uniform(1_000, 1), null, false).points()).isEqualTo(122);
    }
}
