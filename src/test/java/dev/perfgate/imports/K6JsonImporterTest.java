package dev.perfgate.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.perfgate.testing.Fixtures;

import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K6JsonImporterTest {
    private static final String ROOT = "http://127.0.0.1:8123/";
    private static final String LOGIN = "http://127.0.0.1:8123/login";

    @TempDir
    Path dir;

    @Test
    void readsEveryRequestByNameWithErrorsChecksAndDroppedIterations() throws IOException {
        ImportedResults r = new K6JsonImporter().read(Fixtures.file("k6-run.json"));

        assertThat(r.byRequest().keySet()).containsExactly(ROOT, "items", "GET " + LOGIN, "POST " + LOGIN);
        assertThat(r.requests()).isEqualTo(60);
        RequestRecording root = r.byRequest().get(ROOT);
        assertThat(root.requests()).isEqualTo(30);
        assertThat(root.errors()).isEqualTo(Map.of(ErrorKind.STATUS, 1L));
        // 1.500123 ms .. 4.400123 ms, the 500 at 12.345678 ms: microseconds, within the histogram's 3 digits
        assertThat(root.corrected().getMinValue()).isBetween(1499L, 1501L);
        assertThat(root.corrected().getMaxValue()).isBetween(12_340L, 12_352L);
        assertThat(root.uncorrected().getTotalCount()).isEqualTo(30);

        RequestRecording items = r.byRequest().get("items");
        assertThat(items.requests()).isEqualTo(20);
        assertThat(items.errors()).isEqualTo(Map.of(ErrorKind.TIMEOUT, 1L, ErrorKind.CONNECT, 1L,
                ErrorKind.CHECK, 3L));
        assertThat(items.corrected().getMaxValue()).isBetween(59_990_000L, 60_040_000L);

        assertThat(r.byRequest().get("GET " + LOGIN).corrected().getMaxValue()).isBetween(2030L, 2050L);
        assertThat(r.byRequest().get("POST " + LOGIN).corrected().getMinValue()).isBetween(7990L, 8010L);

        assertThat(r.flags()).singleElement().asString()
                .startsWith("k6 dropped 4 iterations: the generator could not keep the rate");
        assertThat(r.warnings()).singleElement().asString()
                .contains("failed checks").contains("status is 200=2");
        long first = OffsetDateTime.parse("2024-05-14T10:12:03.050+02:00").toInstant().toEpochMilli();
        assertThat(r.firstEpochMillis()).hasValue(first);
        assertThat(r.lastEpochMillis().getAsLong()).isGreaterThan(first + 5_000);
    }

    @Test
    void readsGzippedOutputToTheSameResult() throws IOException {
        Path gz = dir.resolve("k6.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(Fixtures.file("k6-run.json"), out);
        }
        ImportedResults r = new K6JsonImporter().read(gz);
        assertThat(r.requests()).isEqualTo(60);
        assertThat(r.byRequest().get("items").errorCount()).isEqualTo(5);
    }

    @Test
    void aCutLastLineIsAnErrorNamingIt() {
        assertThatThrownBy(() -> new K6JsonImporter().read(Fixtures.file("k6-truncated.json")))
                .isInstanceOf(ResultFileException.class)
                .satisfies(e -> {
                    assertThat(((ResultFileException) e).line()).isEqualTo(41);
                    assertThat(e.getMessage()).contains("k6-truncated.json:41: the last line is cut off");
                });
    }

    @Test
    void aCutGzipStreamIsAnError() throws IOException {
        Path gz = dir.resolve("k6.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(Fixtures.file("k6-run.json"), out);
        }
        byte[] all = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> new K6JsonImporter().read(gz))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("k6.json.gz:");
    }

    @Test
    void aLineThatIsNotJsonIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> new K6JsonImporter().read(Fixtures.file("k6-malformed.json")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("k6-malformed.json:13: not JSON")
                .hasMessageContaining("k6: warning: output buffer full");
    }

    @Test
    void aPointWithoutValueIsAnError() {
        assertThatThrownBy(() -> new K6JsonImporter().read(Fixtures.file("k6-no-value.json")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("k6-no-value.json:21: k6 Point of http_req_duration without a numeric value");
    }

    @Test
    void anEmptyFileHasNoData() {
        assertThatThrownBy(() -> new K6JsonImporter().read(Fixtures.file("k6-empty.json")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("k6-empty.json: no data")
                .satisfies(e -> assertThat(((ResultFileException) e).line()).isZero());
    }

    @Test
    void aLineOfAnotherFormatIsAnError() throws IOException {
        Path f = dir.resolve("other.json");
        Files.writeString(f, "{\"timeStamp\":1,\"elapsed\":3}\n");
        assertThatThrownBy(() -> new K6JsonImporter().read(f))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("other.json:1: not a k6 JSON output line");
    }

    @Test
    void failedPointsTheTagsDoNotExplainAreStatusErrorsAndTheOnlyRequestGetsUnnamedChecks() throws IOException {
        Path f = dir.resolve("k6.json");
        String tags = "{\"method\":\"GET\",\"name\":\"only\",\"status\":\"200\"}";
        Files.writeString(f, String.join("\n",
                point("http_req_duration", "4.5", tags),
                point("http_req_failed", "1", tags),
                point("http_req_duration", "5.5", tags),
                point("http_req_failed", "0", tags),
                point("checks", "0", "{\"check\":\"body ok\"}"),
                point("checks", "0", "{\"check\":\"body ok\"}")) + "\n");
        ImportedResults r = new K6JsonImporter().read(f);
        assertThat(r.byRequest().get("only").errors()).isEqualTo(Map.of(ErrorKind.STATUS, 1L, ErrorKind.CHECK, 1L));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.flags()).isEmpty();
    }

    @Test
    void secretQueryParametersInNamesAreMasked() throws IOException {
        Path f = dir.resolve("k6.json");
        Files.writeString(f, point("http_req_duration", "1.0",
                "{\"method\":\"GET\",\"name\":\"http://h/x?token=abc&id=1\",\"status\":\"200\"}") + "\n");
        assertThat(new K6JsonImporter().read(f).byRequest()).containsOnlyKeys("http://h/x?token=***&id=1");
    }

    @Test
    void errorCodesFollowK6sDocumentedRanges() {
        assertThat(K6JsonImporter.errorCode(1050)).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(K6JsonImporter.errorCode(1101)).isEqualTo(ErrorKind.CONNECT);
        assertThat(K6JsonImporter.errorCode(1211)).isEqualTo(ErrorKind.CONNECT);
        assertThat(K6JsonImporter.errorCode(1212)).isEqualTo(ErrorKind.CONNECT);
        assertThat(K6JsonImporter.errorCode(1311)).isEqualTo(ErrorKind.CONNECT);
        assertThat(K6JsonImporter.errorCode(1220)).isEqualTo(ErrorKind.IO);
        assertThat(K6JsonImporter.errorCode(1000)).isEqualTo(ErrorKind.IO);
        assertThat(K6JsonImporter.errorCode(1404)).isEqualTo(ErrorKind.STATUS);
        assertThat(K6JsonImporter.errorCode(1503)).isEqualTo(ErrorKind.STATUS);
    }

    private static String point(String metric, String value, String tags) {
        return "{\"type\":\"Point\",\"data\":{\"time\":\"2024-05-14T10:12:03.123456789Z\",\"value\":" + value
                + ",\"tags\":" + tags + "},\"metric\":\"" + metric + "\"}";
    }
}
