package dev.perfgate.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.testing.CapturedLog;

import dev.perfgate.imports.HlogImporter;
import dev.perfgate.imports.ImportedResults;
import dev.perfgate.imports.ResultFormat;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** perfgate:import's core: result files from several generator hosts become trials of one run.json. */
class ResultImportTest {
    @TempDir
    Path dir;
    private final CapturedLog runLog = new CapturedLog();

    @Test
    void twoHostsPerTrialAreMergedIntoOneTrialEach() throws Exception {
        Path a1 = copy("perfgate-trial.hlog", "gen-a/trial-1.hlog");
        Path b1 = copy("perfgate-trial.hlog", "gen-b/trial-1.hlog");
        Path a2 = copy("perfgate-trial.hlog", "gen-a/trial-2.hlog");
        ImportedResults one = new HlogImporter().read(a1);

        RunResult run = ResultImport.run(new ResultImport.Plan(List.of(List.of(a1, b1), List.of(a2)), null, null,
                "test", null, dir.resolve("out")), runLog);

        assertThat(run.trials()).hasSize(2);
        assertThat(run.trials().get(0).overall().count()).isEqualTo(2 * one.requests());
        assertThat(run.trials().get(1).overall().count()).isEqualTo(one.requests());
        assertThat(run.overall().stats().count()).isEqualTo(3 * one.requests());
        assertThat(run.requests().keySet()).isEqualTo(one.byRequest().keySet());
        assertThat(run.load().external()).containsEntry("tool", "import").containsEntry("source", "hlog");
        assertThat(run.trials().get(0).warnings()).anyMatch(w -> w.contains("measured elsewhere"));
        assertThat(RunJson.read(dir.resolve("out/run.json")).trials()).hasSize(2);
        assertThat(runLog.lines()).anyMatch(l -> l.startsWith("trial 1: " + 2 * one.requests() + " requests from 2"));
    }

    @Test
    void theHashDependsOnTheFormatAndLengthNotOnTheFiles() throws Exception {
        Path a = copy("perfgate-trial.hlog", "x/one.hlog");
        Path b = copy("perfgate-trial.hlog", "y/two.hlog");
        RunResult first = ResultImport.run(new ResultImport.Plan(List.of(List.of(a)), null, Duration.ofSeconds(5),
                "test", null, dir.resolve("o1")), runLog);
        RunResult second = ResultImport.run(new ResultImport.Plan(List.of(List.of(b)), ResultFormat.HLOG,
                Duration.ofSeconds(5), "test", null, dir.resolve("o2")), runLog);
        RunResult longer = ResultImport.run(new ResultImport.Plan(List.of(List.of(b)), ResultFormat.HLOG,
                Duration.ofSeconds(9), "test", null, dir.resolve("o3")), runLog);
        assertThat(second.load().hash()).isEqualTo(first.load().hash());
        assertThat(longer.load().hash()).isNotEqualTo(first.load().hash());
        assertThat(first.trials().get(0).seconds()).isEqualTo(5.0);
    }

    @Test
    void everyMissingFileIsNamedBeforeAnythingIsRead() throws IOException {
        Path a = copy("perfgate-trial.hlog", "a.hlog");
        assertThatThrownBy(() -> ResultImport.run(new ResultImport.Plan(List.of(List.of(a, dir.resolve("gone.hlog")),
                List.of(dir.resolve("lost.hlog"))), null, null, "test", null, dir.resolve("out")), runLog))
                .isInstanceOf(MeasurementException.class)
                .hasMessageContaining("gone.hlog does not exist")
                .hasMessageContaining("lost.hlog does not exist");
    }

    @Test
    void aMalformedFileIsNamedWithItsLine() throws IOException {
        Path bad = copy("corrupted.hlog", "bad.hlog");
        assertThatThrownBy(() -> ResultImport.run(new ResultImport.Plan(List.of(List.of(bad)), null, null, "test",
                null, dir.resolve("out")), runLog))
                .isInstanceOf(MeasurementException.class)
                .hasMessageContaining("cannot import trial 1: " + bad + ":9");
    }

    @Test
    void formatsAreNotMixedAndUnknownNamesNeedTheFormat() throws IOException {
        Path hlog = copy("perfgate-trial.hlog", "a.hlog");
        Path k6 = copy("k6-run.json", "b.json");
        Path txt = copy("wrk2-latency.txt", "c.txt");
        assertThatThrownBy(() -> ResultImport.run(new ResultImport.Plan(List.of(List.of(hlog), List.of(k6)), null,
                null, "test", null, dir.resolve("out")), runLog))
                .hasMessageContaining("the files are of several formats (hlog, k6)");
        assertThatThrownBy(() -> ResultImport.run(new ResultImport.Plan(List.of(List.of(txt)), null, null, "test",
                null, dir.resolve("out")), runLog))
                .hasMessageContaining("c.txt: cannot tell its format from the name; set importFormat");
    }

    @Test
    void samplesWithoutATimeSpanNeedTheDuration() throws IOException {
        Path samples = dir.resolve("samples.json");
        Files.writeString(samples, "{\"format\": \"perfgate-locust-samples/1\", \"requests\": "
                + "{\"GET /\": {\"micros\": {\"1000\": 4}, \"errors\": {}}}}");
        assertThatThrownBy(() -> ResultImport.run(new ResultImport.Plan(List.of(List.of(samples)), null, null,
                "test", null, dir.resolve("out")), runLog))
                .hasMessageContaining("has no time span to compute throughput from; set importDuration");
    }

    private Path copy(String fixture, String to) throws IOException {
        Path target = dir.resolve(to);
        Files.createDirectories(target.getParent());
        try {
            Files.copy(Path.of(ResultImportTest.class.getResource("/imports/" + fixture).toURI()), target);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return target;
    }
}
