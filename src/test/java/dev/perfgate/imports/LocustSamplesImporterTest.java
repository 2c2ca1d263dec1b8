package dev.perfgate.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocustSamplesImporterTest {

    @Test
    void everySampleLandsInItsRequestsHistogramToTheMicrosecond() throws Exception {
        ImportedResults results = LocustSamplesImporter.read(fixture("locust-samples.json"));

        assertThat(results.byRequest()).containsOnlyKeys("GET /search", "GET /users/{id}");
        RequestRecording search = results.byRequest().get("GET /search");
        assertThat(search.requests()).isEqualTo(5);
        assertThat(search.corrected().getValueAtPercentile(50)).isBetween(1499L, 1501L);
        assertThat(search.corrected().getMaxValue()).isBetween(119_900L, 120_100L);
        assertThat(search.errors()).containsExactly(java.util.Map.entry(ErrorKind.CHECK, 1L));
        assertThat(results.requests()).isEqualTo(7);
        assertThat(results.firstEpochMillis()).hasValue(1_795_000_000_250L);
        assertThat(results.lastEpochMillis()).hasValue(1_795_000_003_500L);
    }

    @Test
    void wholeMillisecondsOnlyAreNamedAsTheClientsResolution(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("samples.json");
        java.nio.file.Files.writeString(file, "{\"format\": \"perfgate-locust-samples/1\", \"requests\": {\"GET /\": "
                + "{\"micros\": {\"0\": 40, \"1000\": 50, \"2000\": 10}, \"errors\": {}}}}");
        assertThat(LocustSamplesImporter.read(file).warnings()).singleElement().asString()
                .contains("Locust reported whole milliseconds only");
        assertThat(LocustSamplesImporter.read(fixture("locust-samples.json")).warnings()).isEmpty();
    }

    @Test
    void aTruncatedFileIsAnErrorNamingTheFile() {
        Path file = fixture("locust-samples-truncated.json");
        assertThatThrownBy(() -> LocustSamplesImporter.read(file))
                .isInstanceOf(ResultFileException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("not a complete JSON document");
    }

    @Test
    void aNegativeTimeIsRefused() {
        assertThatThrownBy(() -> LocustSamplesImporter.read(fixture("locust-samples-negative.json")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("request 'GET /': -5 µs");
    }

    @Test
    void anotherFormatIsRefused() {
        assertThatThrownBy(() -> LocustSamplesImporter.read(fixture("locust-samples-wrong-format.json")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("not a perfgate Locust sample file");
    }

    @Test
    void aMissingFileIsNotAResultFileProblem() {
        assertThatThrownBy(() -> LocustSamplesImporter.read(Path.of("target/no-such-samples.json")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void locustsFinalAggregatedCountIsTheLastRequestTableRow() {
        String output = """
                Type     Name              # reqs      # fails |    Avg     Min     Max    Med |   req/s  failures/s
                --------|----------------|-------|-------------|-------|-------|-------|-------|--------|-----------
                GET      GET /search          120     3(2.50%) |      4       1      60      3 |   40.00        1.00
                --------|----------------|-------|-------------|-------|-------|-------|-------|--------|-----------
                         Aggregated           195    49(25.13%) |      4       1      60      3 |   65.00       16.33

                Response time percentiles (approximated)
                Type     Name                  50%    66%    75%    80%    90%    95%    98%    99%  99.9% 99.99%   100% # reqs
                --------|--------------------|------|------|------|------|------|------|------|------|------|------|------|------
                         Aggregated              3      4      4      5      6      8     12     20     60     60     60    195
                """;
        assertThat(LocustOutput.aggregatedRequests(output)).hasValue(195);
        assertThat(LocustOutput.aggregatedRequests("Starting Locust 2.12.1\n")).isEmpty();
    }

    private static Path fixture(String name) {
        try {
            return Path.of(LocustSamplesImporterTest.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
