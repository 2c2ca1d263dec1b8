package dev.perfgate.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJsonTest {

    @TempDir
    Path dir;

    private final RunResult run = TestRuns.run()
            .trials(3, "GET /search", TestRuns.req(TestRuns.spread(500, 1_000, 40_000), 2)).build();

    @Test
    void baselineRoundTripKeepsEveryFigureAndHistogram() throws Exception {
        Path file = dir.resolve("src/perf/baseline.json");
        RunResult baseline = run.asBaseline();

        RunJson.write(file, baseline);
        RunResult read = RunJson.read(file);

        assertThat(read).isEqualTo(baseline);
        assertThat(read.kind()).isEqualTo("baseline");
        Histogram merged = HistogramCodec.decode(read.requests().get("GET /search").correctedHistogram());
        Histogram original = HistogramCodec.decode(run.requests().get("GET /search").correctedHistogram());
        assertThat(merged).isEqualTo(original);
        assertThat(merged.getTotalCount()).isEqualTo(1500);
    }

    @Test
    void outputIsStableSortedAndEndsWithANewline() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        RunJson.write(a, run);
        RunJson.write(b, RunJson.read(a));

        String text = Files.readString(a);
        assertThat(text).isEqualTo(Files.readString(b)).endsWith("}\n").doesNotContain("\r");
        assertThat(text.indexOf("\"environment\"")).isLessThan(text.indexOf("\"load\""));
        assertThat(text.indexOf("\"load\"")).isLessThan(text.indexOf("\"schemaVersion\""));
        assertThat(text).contains("\n  \"kind\" : \"run\"");
    }

    @Test
    void atomicWriteLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("run.json");
        RunJson.write(file, run);
        RunJson.write(file, run);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void unusableFilesAreErrorsNamingTheFile() throws Exception {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> RunJson.read(missing)).isInstanceOf(RunFileException.class)
                .hasMessage(missing + " does not exist");

        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{ \"schemaVersion\": 1, \"trials\": [");
        assertThatThrownBy(() -> RunJson.read(garbage)).isInstanceOf(RunFileException.class)
                .hasMessageStartingWith(garbage + " cannot be parsed");

        Path array = Files.writeString(dir.resolve("array.json"), "[]");
        assertThatThrownBy(() -> RunJson.read(array)).hasMessage(array + " is not a JSON object");

        Path future = Files.writeString(dir.resolve("future.json"), "{\"schemaVersion\": 2}");
        assertThatThrownBy(() -> RunJson.read(future))
                .hasMessage(future + " has schemaVersion 2, but this perfgate reads version 1");

        Path noVersion = Files.writeString(dir.resolve("noversion.json"), "{\"kind\": \"run\"}");
        assertThatThrownBy(() -> RunJson.read(noVersion)).hasMessage(noVersion + " has no schemaVersion");

        Path empty = Files.writeString(dir.resolve("empty.json"), "{\"schemaVersion\": 1}");
        assertThatThrownBy(() -> RunJson.read(empty)).hasMessageContaining("is incomplete");
    }
}
