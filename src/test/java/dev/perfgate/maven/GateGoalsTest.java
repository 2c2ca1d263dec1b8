package dev.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.report.JUnitXml;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** perfgate:check in report-only mode and perfgate:compare, with their pom configuration (plugin-testing-harness). */
@org.apache.maven.api.plugin.testing.MojoTest
class GateGoalsTest {
    private static final String SEARCH = "GET /search";

    @TempDir
    Path dir;
    private Path fast;
    private Path slow;
    private final Log log = new Log();

    /** Maven's log, kept: the tests read the warning and error lines. */
    static final class Log extends SystemStreamLog {
        final List<String> warnings = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        final List<String> infos = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            infos.add(content.toString());
            super.info(content);
        }

        @Override
        public void warn(CharSequence content) {
            warnings.add(content.toString());
            super.warn(content);
        }

        @Override
        public void error(CharSequence content) {
            errors.add(content.toString());
            super.error(content);
        }
    }

    /** Six trials of GET /search at 241 ms (the IT's base.json), or at 312 ms (slower.json). */
    private static RunResult searchRun(long micros) {
        return TestRuns.constantRun(6, SEARCH, micros);
    }

    @BeforeEach
    void runs() throws Exception {
        fast = dir.resolve("fast.json");
        slow = dir.resolve("slow.json");
        RunJson.write(fast, searchRun(241_000));
        RunJson.write(slow, searchRun(312_000));
    }

    /**
     * The compare IT's committed runs are these runs, so that they follow run.json's schema: after a change of it,
     * write them again with {@code -Dperfgate.golden.update=true}.
     */
    @Test
    void theCompareItRunsAreTheRunsOfTheseTests() throws Exception {
        Path runs = Path.of("src/it/compare/runs");
        for (var file : java.util.Map.of("base.json", 241_000L, "slower.json", 312_000L).entrySet()) {
            Path path = runs.resolve(file.getKey());
            String json = RunJson.toJson(searchRun(file.getValue()));
            if (Boolean.getBoolean("perfgate.golden.update")) {
                RunJson.writeAtomically(path, json);
            }
            assertThat(path).exists();
            assertThat(Files.readString(path)).isEqualTo(json);
        }
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check/pom.xml")
    void reportOnlyCheckWritesEveryReportAndWarnsInsteadOfFailing(CheckMojo mojo) throws Exception {
        set(mojo, "runFile", slow);
        set(mojo, "baselineFile", dir.resolve("no-baseline.json"));
        set(mojo, "outputDirectory", dir.resolve("out"));
        set(mojo, "junitDirectory", dir.resolve("junit"));
        MojoExtension.setVariableValueToObject(mojo, "haltOnFailure", false);

        mojo.execute();

        assertThat(log.errors).isEmpty();
        assertThat(log.warnings).contains("perfgate: p99 of GET /search is 312.1 ms, but the maximum is 250 ms");
        assertThat(log.warnings).anySatisfy(w -> assertThat(w).startsWith("perfgate: 1 of 2 check(s) failed: p99 "
                + "of GET /search is 312.1 ms").endsWith("(report-only: haltOnFailure is false, the build goes on)"));
        assertThat(Files.readString(dir.resolve("out/result.json"))).contains("\"passed\" : false");
        assertThat(Files.readString(dir.resolve("out/result.md"))).contains("❌ failed");
        assertThat(Files.readString(dir.resolve("junit/" + JUnitXml.FILE_NAME)))
                .contains("<testcase name=\"GET /search p99 max\" classname=\"perfgate\">")
                .contains("<failure message=\"p99 of GET /search is 312.1 ms, but the maximum is 250 ms\"");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check/pom.xml")
    void checkWithoutRunDataFailsAlsoInTheJUnitReport(CheckMojo mojo) throws Exception {
        Path junit = dir.resolve("junit/" + JUnitXml.FILE_NAME);
        Files.createDirectories(junit.getParent());
        Files.writeString(junit, "<testsuite name=\"stale\"/>");
        set(mojo, "runFile", dir.resolve("missing/run.json"));
        set(mojo, "baselineFile", dir.resolve("no-baseline.json"));
        set(mojo, "outputDirectory", dir.resolve("out"));
        set(mojo, "junitDirectory", dir.resolve("junit"));
        MojoExtension.setVariableValueToObject(mojo, "haltOnFailure", false);

        // report-only does not cover a check that could not look at anything
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("perfgate: no usable run data: ");
        assertThat(Files.readString(junit)).contains("<testcase name=\"run no-data\" classname=\"perfgate\">")
                .contains("<failure message=\"no usable run data: ").doesNotContain("stale");
    }

    @Test
    @InjectMojo(goal = "compare", pom = "src/test/resources/unit/compare/pom.xml")
    void compareFailsARegressionWithOneLine(CompareMojo mojo) throws Exception {
        configure(mojo, slow, fast);

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("perfgate: 2 of 2 check(s) failed: p99 of GET /search is 312.1 ms, but the "
                        + "maximum is 250 ms (baseline 241.0 ms, +29.5 %) (and 1 more above); report: ")
                .hasMessageNotContaining("\n");
        assertThat(log.errors).contains("perfgate: p99 of GET /search is 312.1 ms, but the maximum is 250 ms "
                + "(baseline 241.0 ms, +29.5 %)");
        assertThat(log.errors).anySatisfy(e -> assertThat(e).startsWith("perfgate: p95 of all requests regressed +29.5 %"));
        Path out = dir.resolve("compare");
        assertThat(out.resolve("result.md")).exists();
        assertThat(out.resolve("result.json")).exists();
        assertThat(Files.readString(out.resolve(JUnitXml.FILE_NAME))).contains("failures=\"2\"")
                .contains("name=\"all requests p95 maxRegression\"");
    }

    @Test
    @InjectMojo(goal = "compare", pom = "src/test/resources/unit/compare/pom.xml")
    void comparePassesWithinTheGates(CompareMojo mojo) throws Exception {
        configure(mojo, fast, fast);

        mojo.execute();

        assertThat(log.infos).anySatisfy(l -> assertThat(l).startsWith("perfgate: all 2 gate(s) passed; report: "));
        assertThat(Files.readString(dir.resolve("compare/" + JUnitXml.FILE_NAME))).contains("tests=\"2\"")
                .contains("failures=\"0\"");
    }

    @Test
    @InjectMojo(goal = "compare", pom = "src/test/resources/unit/compare/pom.xml")
    void compareWithoutGatesOnlyReports(CompareMojo mojo) throws Exception {
        configure(mojo, slow, fast);
        MojoExtension.setVariableValueToObject(mojo, "gates", new ArrayList<>());

        mojo.execute();

        assertThat(log.infos).anySatisfy(l -> assertThat(l).startsWith(
                "perfgate: no gates are configured, so the comparison only reports; report: "));
        assertThat(Files.readString(dir.resolve("compare/result.md"))).contains("241.0 → 312.1 (+29.5 %)");
    }

    @Test
    @InjectMojo(goal = "compare", pom = "src/test/resources/unit/compare/pom.xml")
    void compareNamesAMissingFileAndHowToGiveIt(CompareMojo mojo) throws Exception {
        configure(mojo, slow, dir.resolve("nowhere.json"));

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
                .hasMessage("perfgate: the run to compare with " + dir.resolve("nowhere.json") + " does not exist; "
                        + "name it with -Dperfgate.compare.baseline=<baseline file or run.json>");
    }

    private void configure(CompareMojo mojo, Path run, Path baseline) throws Exception {
        set(mojo, "run", run);
        set(mojo, "baseline", baseline);
        set(mojo, "compareDirectory", dir.resolve("compare"));
        mojo.setLog(log);
    }

    private void set(Mojo mojo, String field, Path value) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, field, value.toFile());
        mojo.setLog(log);
    }
}
