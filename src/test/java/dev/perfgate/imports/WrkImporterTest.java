package dev.perfgate.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.perfgate.testing.Fixtures;

import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * wrk2 fixtures are hand-made in wrk2's documented format (see src/test/resources/imports/README.md): printed from a
 * known histogram with corrected p50 1.077, p90 1.750, p99 2.527, max 40.863 ms and uncorrected p50 1.075, p99
 * 2.403, max 3.327 ms (9000 values).
 */
class WrkImporterTest {
    @TempDir
    Path dir;

    @Test
    void rebuildsWrk2sCorrectedAndUncorrectedDistributions() throws IOException {
        ImportedResults r = new WrkImporter("GET /").read(Fixtures.file("wrk2-latency-u.txt"));

        RequestRecording rec = r.byRequest().get("GET /");
        assertThat(r.byRequest()).containsOnlyKeys("GET /");
        assertThat(rec.requests()).isEqualTo(9000);
        assertThat(rec.uncorrected().getTotalCount()).isEqualTo(9000);
        // exact at the steps wrk2 prints (50 %, 90 %, 100 %), close between them
        assertThat(rec.corrected().getValueAtPercentile(50)).isEqualTo(1077);
        assertThat(rec.corrected().getValueAtPercentile(90)).isEqualTo(1750);
        assertThat(rec.corrected().getValueAtPercentile(99)).isBetween(2527L, 2527L * 105 / 100);
        assertThat(rec.corrected().getValueAtPercentile(99.9)).isBetween(32559L, 32559L * 110 / 100);
        assertThat(rec.corrected().getMaxValue()).isBetween(40_863L, 40_880L);
        assertThat(rec.uncorrected().getValueAtPercentile(50)).isEqualTo(1075);
        assertThat(rec.uncorrected().getValueAtPercentile(99)).isBetween(2403L, 2403L * 105 / 100);
        assertThat(rec.uncorrected().getMaxValue()).isBetween(3327L, 3330L);
        assertThat(rec.errors()).isEqualTo(Map.of(ErrorKind.STATUS, 7L, ErrorKind.IO, 2L, ErrorKind.TIMEOUT, 12L));
        assertThat(r.warnings()).singleElement().asString().contains("socket errors").contains("timeout 12");
        assertThat(r.flags()).isEmpty();
    }

    @Test
    void withoutUTheCorrectedDistributionServesForBoth() throws IOException {
        ImportedResults r = new WrkImporter().read(Fixtures.file("wrk2-latency.txt"));
        RequestRecording rec = r.byRequest().get(WrkImporter.DEFAULT_NAME);
        assertThat(rec.requests()).isEqualTo(9000);
        assertThat(rec.uncorrected()).isEqualTo(rec.corrected());
        assertThat(rec.errorCount()).isZero();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void plainWrksFourPercentilesAreRefusedWithTheWayOut() {
        assertThatThrownBy(() -> new WrkImporter().read(Fixtures.file("wrk-latency.txt")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("wrk-latency.txt:6: wrk's --latency output has only four percentiles")
                .hasMessageContaining("use wrk2");
    }

    @Test
    void aCutOutputIsAnError() {
        assertThatThrownBy(() -> new WrkImporter().read(Fixtures.file("wrk2-cut.txt")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("wrk2-cut.txt:60: wrk2's spectrum of 'Latency Distribution (HdrHistogram - "
                        + "Recorded Latency)' ends without its '#[Max = ..., Total count = ...]' footer");
    }

    @Test
    void aMalformedSpectrumLineIsAnErrorNamingIt() {
        assertThatThrownBy(() -> new WrkImporter().read(Fixtures.file("wrk2-malformed.txt")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("wrk2-malformed.txt:41: not a number in wrk2's spectrum line: 1.9x8");
    }

    @Test
    void outputWithoutADistributionSaysHowItStarts() throws IOException {
        Path f = dir.resolve("output.log");
        Files.writeString(f, "unable to connect to 127.0.0.1:18799 Connection refused\n");
        assertThatThrownBy(() -> new WrkImporter().read(f))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("no latency distribution")
                .hasMessageContaining("it starts: unable to connect to 127.0.0.1:18799 Connection refused");
        Path empty = dir.resolve("empty.log");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> new WrkImporter().read(empty)).hasMessageContaining("empty.log: no data");
    }
}
