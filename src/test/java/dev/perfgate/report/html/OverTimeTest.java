package dev.perfgate.report.html;

import static dev.perfgate.testing.TestRuns.constant;
import static dev.perfgate.testing.TestRuns.req;
import static dev.perfgate.testing.TestRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.perfgate.report.html.Chart.Series;
import dev.perfgate.result.Latencies;
import dev.perfgate.result.RunResult;
import dev.perfgate.result.TrialResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverTimeTest {
    @TempDir
    Path dir;

    /**
     * An interval log as the engine writes it: per second, corrected.NAME and uncorrected.NAME of each request and
     * sendLag, timestamps relative to the trial's start.
     *
     * @param perSecond per interval, the corrected latency (µs) of each of the interval's requests, for both
     *                  request names
     */
    private void hlog(String name, long startMillis, long lastIntervalMillis, long... perSecond) throws Exception {
        try (PrintStream out = new PrintStream(dir.resolve(name).toFile(), "UTF-8")) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputComment("test");
            log.outputLogFormatVersion();
            log.outputStartTime(startMillis);
            log.setBaseTime(startMillis);
            log.outputLegend();
            long from = startMillis;
            for (int i = 0; i < perSecond.length; i++) {
                long to = i == perSecond.length - 1 ? from + lastIntervalMillis : from + 1000;
                for (String tag : List.of("corrected.GET_/a", "corrected.GET_/b", "uncorrected.GET_/a", "sendLag")) {
                    Histogram h = Latencies.newHistogram();
                    for (int n = 0; n < 10; n++) {
                        h.recordValue(tag.startsWith("corrected") ? perSecond[i] : 1);
                    }
                    h.setStartTimeStamp(from);
                    h.setEndTimeStamp(to);
                    h.setTag(tag);
                    log.outputIntervalHistogram(h);
                }
                from = to;
            }
        }
    }

    private static RunResult withLogs(RunResult r, String... logs) {
        List<TrialResult> trials = new ArrayList<>();
        for (int i = 0; i < r.trials().size(); i++) {
            TrialResult t = r.trials().get(i);
            trials.add(new TrialResult(t.trial(), t.startEpochMillis(), t.endEpochMillis(), t.seconds(), t.scheduled(),
                    t.sent(), t.sendLagP99Millis(), t.overall(), t.requests(), t.histograms(), t.flags(),
                    t.warnings(), i < logs.length ? logs[i] : null, null));
        }
        return new RunResult(r.schemaVersion(), r.kind(), r.pluginVersion(), r.createdAt(), r.gitCommit(),
                r.environment(), r.load(), r.jfr(), trials, r.overall(), r.requests(), r.flags());
    }

    @Test
    void everyIntervalOfEveryTrialAddsUpItsRequestsAndTrialsAreSeparated() throws Exception {
        long t0 = 1_700_000_000_000L;
        hlog("trial-1.hlog", t0, 40, 2_000, 4_000, 9_000);
        hlog("baseline-trial-1.hlog", t0 + 3_000, 1000, 1_000);
        hlog("trial-2.hlog", t0 + 5_000, 1000, 3_000, 3_000);
        RunResult run = withLogs(run().trials(2, "GET /a", req(constant(10, 1_000))).build(), "trial-1.hlog",
                "trial-2.hlog");
        RunResult baseline = withLogs(run().trials(1, "GET /a", req(constant(10, 1_000))).build(),
                "baseline-trial-1.hlog");

        OverTime overTime = OverTime.of("t", "l", dir, run, baseline);

        assertThat(overTime.notes()).isEmpty();
        Series rate = overTime.throughput().series().get(0);
        assertThat(rate.label()).isEqualTo("this run");
        // the 40 ms drain interval is left out; a null after each trial breaks the line
        assertThat(rate.x()).containsExactly(1.0, 2.0, 2.001, 6.0, 7.0, 7.001);
        assertThat(rate.y()).containsExactly(20.0, 20.0, null, 20.0, 20.0, null);
        Series p99 = overTime.latency().series().get(0);
        assertThat(p99.label()).isEqualTo("this run p99");
        assertThat(p99.y().get(1)).isCloseTo(4.0, within(0.01));
        Series baseRate = overTime.throughput().series().get(1);
        assertThat(baseRate.side()).isEqualTo(Series.BASELINE);
        assertThat(baseRate.x()).containsExactly(4.0, 4.001);
        assertThat(overTime.latency().series()).extracting(Series::label)
                .containsExactly("this run p99", "this run p50", "baseline p99", "baseline p50");
    }

    @Test
    void missingAndBrokenLogsAreNotedAndRunsWithoutLogsHaveNoSeries() throws Exception {
        Files.writeString(dir.resolve("trial-2.hlog"), "#[StartTime: 1700000000.000 (seconds since epoch)]\n"
                + "0.000,1.000,1.000,HISTFAAAA-not-a-histogram\n");
        RunResult run = withLogs(run().trials(2, "GET /a", req(constant(10, 1_000))).build(), "trial-1.hlog",
                "trial-2.hlog");

        OverTime overTime = OverTime.of("t", "l", dir, run, null);

        assertThat(overTime.throughput().series()).isEmpty();
        assertThat(overTime.notes()).hasSize(2);
        assertThat(overTime.notes().get(0)).isEqualTo("trial-1.hlog is not in " + dir);
        assertThat(overTime.notes().get(1)).startsWith("trial-2.hlog cannot be read: ");

        OverTime none = OverTime.of("t", "l", dir, run().trials(2, "GET /a", req(constant(10, 1_000))).build(),
                null);
        assertThat(none.throughput().series()).isEmpty();
        assertThat(none.latency().series()).isEmpty();
        assertThat(none.notes()).isEmpty();
        assertThat(Arrays.asList(none.throughput().id(), none.latency().id())).containsExactly("t", "l");
    }
}
