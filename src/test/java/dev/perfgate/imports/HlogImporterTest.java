package dev.perfgate.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.perfgate.testing.Fixtures;

import com.sun.net.httpserver.HttpServer;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.NettyLoadEngine;
import dev.perfgate.load.RequestSpec;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.measure.RequestRecording;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.Latencies;
import dev.perfgate.result.LoadModel;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HlogImporterTest {
    private static final long T0 = 1715674323000L;

    @TempDir
    Path dir;

    @Test
    void readsPerfgatesOwnLayoutIntoCorrectedAndUncorrectedSkippingSendLag() throws IOException {
        ImportedResults r = new HlogImporter().read(Fixtures.file("perfgate-trial.hlog"));

        assertThat(r.byRequest().keySet()).containsExactly("GET_/", "POST_/items");
        RequestRecording get = r.byRequest().get("GET_/");
        assertThat(get.requests()).isEqualTo(300);
        assertThat(get.uncorrected().getTotalCount()).isEqualTo(300);
        // the fixture's stall (5 requests 40 ms late in second 2) is in the corrected histogram only
        assertThat(get.corrected().getMaxValue()).isGreaterThan(40_000);
        assertThat(get.uncorrected().getMaxValue()).isLessThan(1_001);
        assertThat(r.byRequest().get("POST_/items").requests()).isEqualTo(150);
        assertThat(r.requests()).isEqualTo(450);
        assertThat(r.firstEpochMillis()).hasValue(T0);
        assertThat(r.lastEpochMillis()).hasValue(T0 + 3_000);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void roundTripsTheLogNettyLoadEngineWrites() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
        Path log = dir.resolve("trial-1.hlog");
        try (NettyLoadEngine engine = new NettyLoadEngine()) {
            LoadProfile profile = new LoadProfile(LoadModel.OPEN, 100, Duration.ZERO, Duration.ofSeconds(2),
                    Duration.ZERO, 1, 2, Duration.ofSeconds(10), Duration.ofSeconds(1));
            List<RequestSpec> specs = List.of(
                    new RequestSpec("GET /a", "GET", "/a", Map.of(), null, 3, List.of(), List.of(), List.of()),
                    new RequestSpec("GET /b", "GET", "/b", Map.of(), null, 1, List.of(), List.of(), List.of()));
            TrialRecording trial = engine.run(new TrialPlan(1, URI.create("http://127.0.0.1:"
                    + server.getAddress().getPort()), new LoadDefinition(specs, profile, null), profile.duration(),
                    log, null));

            ImportedResults r = new HlogImporter().read(log);

            assertThat(r.byRequest().keySet()).containsExactly("GET_/a", "GET_/b");
            for (String name : List.of("GET /a", "GET /b")) {
                RequestRecording engineSide = trial.byRequest().get(name);
                RequestRecording imported = r.byRequest().get(name.replace(' ', '_'));
                assertThat(imported.corrected()).isEqualTo(engineSide.corrected());
                assertThat(imported.uncorrected()).isEqualTo(engineSide.uncorrected());
            }
            assertThat(r.requests()).isEqualTo(200);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void convertsOtherUnitsAndNamesUntaggedIntervals() throws IOException {
        ImportedResults r = new HlogImporter("checkout-service", TimeUnit.NANOSECONDS)
                .read(Fixtures.file("tagged-ns.hlog"));
        assertThat(r.byRequest().keySet()).containsExactly("checkout", "checkout-service");
        RequestRecording checkout = r.byRequest().get("checkout");
        assertThat(checkout.requests()).isEqualTo(20);
        assertThat(checkout.corrected().getValueAtPercentile(50)).isBetween(1499L, 1501L);
        RequestRecording untagged = r.byRequest().get("checkout-service");
        assertThat(untagged.requests()).isEqualTo(40);
        assertThat(untagged.corrected().getValueAtPercentile(99)).isBetween(249L, 251L);
        assertThat(r.firstEpochMillis()).hasValue(T0);
    }

    @Test
    void millisecondLogsBecomeMicroseconds() throws IOException {
        Path f = dir.resolve("ms.hlog");
        Histogram h = new Histogram(3);
        h.recordValue(12);
        h.recordValue(7_200_000); // two hours: clamped to perfgate's one-hour ceiling, not dropped
        write(f, List.of(h));
        RequestRecording r = new HlogImporter("all", HlogImporter.unit("ms")).read(f).byRequest().get("all");
        assertThat(r.requests()).isEqualTo(2);
        assertThat(r.corrected().getMinValue()).isBetween(11_990L, 12_010L);
        assertThat(r.corrected().getMaxValue()).isGreaterThanOrEqualTo(Latencies.HIGHEST_TRACKABLE_MICROS - 2_000_000);
    }

    @Test
    void mergesSeveralHostsByAddingHistogramsNeverAveragingPercentiles() throws IOException {
        Random random = new Random(7);
        Histogram all = Latencies.newHistogram();
        List<Path> files = new ArrayList<>();
        for (int host = 0; host < 3; host++) {
            List<Histogram> intervals = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                Histogram h = Latencies.newHistogram();
                // hosts differ a lot: averaging their p99s would be far from the merged p99
                int n = 500 + host * 700;
                for (int i = 0; i < n; i++) {
                    long v = 100 + (long) (Math.abs(random.nextGaussian()) * 300 * (1 + host * host * 4));
                    h.recordValue(v);
                    all.recordValue(v);
                }
                h.setTag("search");
                h.setStartTimeStamp(T0 + s * 1000L);
                h.setEndTimeStamp(T0 + (s + 1) * 1000L);
                intervals.add(h);
            }
            Path f = dir.resolve("host-" + host + ".hlog");
            write(f, intervals);
            files.add(f);
        }
        ImportedResults merged = new HlogImporter().merge(files);
        RequestRecording search = merged.byRequest().get("search");
        assertThat(search.requests()).isEqualTo(all.getTotalCount()).isEqualTo(4 * (500 + 1200 + 1900));
        assertThat(search.corrected().getValueAtPercentile(99)).isEqualTo(all.getValueAtPercentile(99));
        assertThat(search.corrected().getValueAtPercentile(50)).isEqualTo(all.getValueAtPercentile(50));
        assertThat(search.corrected().getMaxValue()).isEqualTo(all.getMaxValue());
        assertThat(merged.firstEpochMillis()).hasValue(T0);
        assertThat(merged.lastEpochMillis()).hasValue(T0 + 4_000);
    }

    @Test
    void badBase64IsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> new HlogImporter().read(Fixtures.file("corrupted.hlog")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("corrupted.hlog:9: HdrHistogram cannot decode this interval");
    }

    @Test
    void aLineMissingItsEndIsAnErrorNamingIt() {
        assertThatThrownBy(() -> new HlogImporter().read(Fixtures.file("short-line.hlog")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("short-line.hlog:7:");
    }

    @Test
    void aCutLastLineIsAnError() {
        assertThatThrownBy(() -> new HlogImporter().read(Fixtures.file("cut.hlog")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("cut.hlog:11: the last line is cut off");
    }

    @Test
    void aLogWithoutIntervalsHasNoData() throws IOException {
        Path f = dir.resolve("header-only.hlog");
        write(f, List.of());
        assertThatThrownBy(() -> new HlogImporter().read(f))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("header-only.hlog: no data");
    }

    @Test
    void unknownUnitsAreRefused() {
        assertThatThrownBy(() -> HlogImporter.unit("seconds")).hasMessageContaining("'seconds'");
        assertThat(HlogImporter.unit("NANOSECONDS")).isEqualTo(TimeUnit.NANOSECONDS);
    }

    private static void write(Path file, List<Histogram> intervals) throws IOException {
        try (PrintStream ps = new PrintStream(file.toFile(), "UTF-8")) {
            HistogramLogWriter w = new HistogramLogWriter(ps);
            w.outputLogFormatVersion();
            w.outputStartTime(T0);
            w.setBaseTime(T0);
            w.outputLegend();
            for (Histogram h : intervals) {
                w.outputIntervalHistogram(h);
            }
        }
    }
}
