package dev.perfgate.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.perfgate.testing.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K6SummaryImporterTest {
    @TempDir
    Path dir;

    @Test
    void legacySummaryExportTrueMeansTheThresholdFailed() throws IOException {
        K6Summary s = new K6SummaryImporter().read(Fixtures.file("k6-summary-export-legacy.json"));
        assertThat(s.httpReqs()).isEqualTo(60);
        assertThat(s.thresholds()).containsExactly(
                new K6Summary.Threshold("checks", "rate>0.99", false),
                new K6Summary.Threshold("http_req_duration", "p(95)<200", true),
                new K6Summary.Threshold("http_req_duration", "p(99)<50", false),
                new K6Summary.Threshold("http_req_failed", "rate<0.01", false));
        assertThat(s.failed()).extracting(Object::toString)
                .containsExactly("checks: rate>0.99", "http_req_duration: p(99)<50", "http_req_failed: rate<0.01");
    }

    @Test
    void handleSummaryOkFalseMeansTheThresholdFailed() throws IOException {
        K6Summary s = new K6SummaryImporter().read(Fixtures.file("k6-summary-handle.json"));
        assertThat(s.httpReqs()).isEqualTo(60);
        assertThat(s.failed()).containsExactly(
                new K6Summary.Threshold("http_req_duration", "p(99)<50", false),
                new K6Summary.Threshold("http_req_duration{name:items}", "max<1000", false));
        assertThat(s.thresholds()).hasSize(4);
    }

    @Test
    void aSummaryWithoutRequestsHasNoCount() throws IOException {
        Path f = dir.resolve("summary.json");
        Files.writeString(f, "{\"metrics\":{\"iterations\":{\"count\":3}}}");
        assertThat(new K6SummaryImporter().read(f)).isEqualTo(new K6Summary(-1, java.util.List.of()));
    }

    @Test
    void malformedAndEmptySummariesAreErrors() throws IOException {
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, "{\"metrics\": {\n  \"http_reqs\": {\"count\": 6");
        assertThatThrownBy(() -> new K6SummaryImporter().read(cut))
                .isInstanceOf(ResultFileException.class).hasMessageContaining("cut.json:2: not a k6 summary");
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> new K6SummaryImporter().read(empty))
                .isInstanceOf(ResultFileException.class).hasMessageContaining("empty.json: no data");
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"thresholds\": {}}");
        assertThatThrownBy(() -> new K6SummaryImporter().read(other))
                .isInstanceOf(ResultFileException.class).hasMessageContaining("no \"metrics\" object");
    }
}
