package dev.perfgate.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfgate.gate.Category;
import dev.perfgate.gate.DecisionSpec;
import dev.perfgate.gate.GateSpec;
import dev.perfgate.report.BuildOutcome;
import dev.perfgate.report.JUnitXml;
import dev.perfgate.report.LogLine;
import dev.perfgate.report.Reports;
import dev.perfgate.report.StatusStyle;
import dev.perfgate.result.RunJson;
import dev.perfgate.testing.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** perfgate:check and perfgate:compare as one evaluation in the core: same inputs, same reports. */
class ComparisonsTest {
    private static final String SEARCH = "GET /search";
    private static final List<GateSpec> GATES = List.of(new GateSpec(SEARCH, "p99", "250ms", null, null, null),
            new GateSpec(null, "p95", null, null, "10%", null));

    @TempDir
    Path dir;
    private Path fast;
    private Path slow;

    /** A baseline of six trials at 241 ms and a run of six at 312 ms. */
    @BeforeEach
    void runs() throws IOException {
        fast = dir.resolve("fast.json");
        slow = dir.resolve("slow.json");
        RunJson.write(fast, TestRuns.constantRun(6, SEARCH, 241_000).asBaseline());
        RunJson.write(slow, TestRuns.constantRun(6, SEARCH, 312_000));
    }

    @Test
    void checkAndCompareOfTheSameFilesWriteTheSameReports() throws IOException {
        Evaluation checked = Comparisons.check(new CheckRequest(slow, fast, GATES, DecisionSpec.DEFAULT));
        Evaluation compared = Comparisons.compare(new CompareRequest(slow, fast, GATES, DecisionSpec.DEFAULT));
        Path checkDir = dir.resolve("check");
        Path compareDir = dir.resolve("compare");
        Reports.Written byCheck = Reports.write(checked, destination(checkDir));
        Reports.Written byCompare = Reports.write(compared, destination(compareDir));

        assertThat(((Comparison) checked).verdict().failures()).hasSize(2);
        for (String file : List.of(Reports.RESULT_MARKDOWN, Reports.RESULT_JSON, JUnitXml.FILE_NAME)) {
            assertThat(Files.readString(compareDir.resolve(file))).as(file)
                    .isEqualTo(Files.readString(checkDir.resolve(file)));
        }
        // the page names its own directory where it looks for flame graphs; otherwise it is the same page
        assertThat(Files.readString(byCompare.html()).replace(compareDir.toString(), "DIR"))
                .isEqualTo(Files.readString(byCheck.html()).replace(checkDir.toString(), "DIR"));
        // and the build is told the same, but for the note that names the two files
        List<String> checkLines = text(BuildOutcome.of(checked, byCheck, true, StatusStyle.PLAIN));
        List<String> compareLines = text(BuildOutcome.of(compared, byCompare, true, StatusStyle.PLAIN));
        assertThat(compareLines.get(0)).isEqualTo("comparing " + slow + " with " + fast);
        assertThat(compareLines.subList(1, compareLines.size()).stream()
                .map(l -> l.replace(compareDir.toString(), "DIR")).toList())
                .isEqualTo(checkLines.stream().map(l -> l.replace(checkDir.toString(), "DIR")).toList());
    }

    @Test
    void everyConfigurationProblemOfACheckIsReportedInOneRound() {
        DecisionSpec decision = new DecisionSpec(0.01, 0.05, "maybe", "ignore", "perhaps");
        List<GateSpec> gates = List.of(new GateSpec("GET /nothing", "p99", "250ms", null, null, null),
                new GateSpec(null, "p99x", "1s", null, null, null));

        Evaluation e = Comparisons.check(new CheckRequest(slow, fast, gates, decision));

        NoVerdict none = (NoVerdict) e;
        assertThat(none.configuration()).isTrue();
        assertThat(none.category()).isEqualTo(Category.INFRASTRUCTURE);
        assertThat(none.problems()).hasSize(5);
        assertThat(none.message()).startsWith("5 configuration problems: <inconclusive> is 'maybe'")
                .contains("<onEnvironmentMismatch> is 'ignore'").contains("<onMissingBaseline> is 'perhaps'")
                .contains("unknown request 'GET /nothing'").contains("unknown metric 'p99x'")
                .doesNotContain("\n");
    }

    @Test
    void withoutRunDataThereIsNoVerdictAndTheCheckSaysHowToMeasure() {
        Evaluation e = Comparisons.check(new CheckRequest(dir.resolve("missing.json"), fast, GATES,
                DecisionSpec.DEFAULT));

        NoVerdict none = (NoVerdict) e;
        assertThat(none.configuration()).isFalse();
        assertThat(none.category()).isEqualTo(Category.NO_DATA);
        assertThat(none.message()).startsWith("no usable run data: ").endsWith("run the measurement first: mvn verify "
                + "(perfgate:run is bound to integration-test)");
    }

    @Test
    void aCheckWithoutGatesFailsButAComparisonWithoutGatesOnlyReports() throws IOException {
        Evaluation checked = Comparisons.check(new CheckRequest(slow, fast, List.of(), DecisionSpec.DEFAULT));
        assertThat(((NoVerdict) checked).message()).startsWith("no <gates> are configured for perfgate:check");

        Evaluation compared = Comparisons.compare(new CompareRequest(slow, fast, List.of(), DecisionSpec.DEFAULT));
        Reports.Written written = Reports.write(compared, destination(dir.resolve("compare")));
        BuildOutcome outcome = BuildOutcome.of(compared, written, true, StatusStyle.PLAIN);
        assertThat(outcome.failure()).isNull();
        assertThat(text(outcome)).anySatisfy(l -> assertThat(l)
                .startsWith("no gates are configured, so the comparison only reports; report: "));
    }

    private static Reports.Destination destination(Path reports) {
        return new Reports.Destination(reports, reports.resolve(JUnitXml.FILE_NAME), null);
    }

    private static List<String> text(BuildOutcome outcome) {
        return outcome.lines().stream().map(LogLine::text).toList();
    }
}
