package dev.perfgate.report;

import static dev.perfgate.testing.ReportInputs.comparison;
import static dev.perfgate.testing.ReportInputs.console;
import static dev.perfgate.testing.TestRuns.constant;
import static dev.perfgate.testing.TestRuns.req;
import static dev.perfgate.testing.TestRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.DecisionSettings;
import dev.perfgate.gate.EnvironmentPolicy;
import dev.perfgate.gate.Gate;
import dev.perfgate.gate.GateEvaluator;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.gate.GateSpec;
import dev.perfgate.gate.Gates;
import dev.perfgate.gate.InconclusivePolicy;
import dev.perfgate.gate.Status;
import dev.perfgate.gate.Verdict;
import dev.perfgate.result.RunResult;
import dev.perfgate.testing.TestRuns;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reports CI systems read: TEST-perfgate.xml and result.md against golden files (exact output), the job
 * summary, and the console's status colours. Regenerate the golden files after an intended change with
 * {@code ./mvnw test -Dtest=CiReportsTest -Dperfgate.golden.update=true} and review their diff.
 */
class CiReportsTest {
    private static final String SEARCH = "GET /search";
    private static final String CART = "POST /cart";
    private static final String CMD = "mvn package perfgate:baseline";
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    Path dir;

    /** Three trials a side: too few for a relative check to decide at α = 0.01, so it is inconclusive. */
    private static RunResult threeTrials(long searchMicros, String flag) {
        TestRuns r = run();
        for (int i = 0; i < 3; i++) {
            r.trial(Map.of(SEARCH, req(constant(200, searchMicros)), CART, req(constant(100, 12_000))));
        }
        return flag == null ? r.build() : r.flag(flag).build();
    }

    private static final RunResult BASELINE = threeTrials(241_000, null);
    private static final RunResult RUN = threeTrials(312_000, "trial 2: the load generator fell 120 ms behind "
            + "its schedule");

    /**
     * Every kind of outcome in one verdict: a run problem (the flag), a failed max, an inconclusive maxRegression, a
     * passed max, and a maxRegression skipped for want of a baseline (evaluated on its own, as one gate cannot be
     * skipped and compared in one evaluation).
     */
    private static Verdict everyOutcome(InconclusivePolicy inconclusive) throws Exception {
        List<Gate> gates = Gates.parse(List.of(
                new GateSpec(SEARCH, "p99", "250ms", null, "10%", null),
                new GateSpec(CART, "p50", "50ms", null, null, null),
                new GateSpec(CART, "p95", null, null, "5%", null)), null);
        DecisionSettings settings = new DecisionSettings(0.01, 0.05, 1, inconclusive, EnvironmentPolicy.SKIP);
        Verdict compared = GateEvaluator.evaluate(gates.subList(0, 2), RUN, BASELINE, BaselineState.PRESENT, CMD,
                settings);
        Verdict alone = GateEvaluator.evaluate(gates.subList(2, 3), RUN, null, BaselineState.MISSING_SKIP, CMD,
                settings);
        List<GateOutcome> outcomes = new ArrayList<>(compared.outcomes());
        outcomes.addAll(alone.outcomes());
        return new Verdict(outcomes, compared.runProblems(), compared.runWarnings(),
                inconclusive == InconclusivePolicy.FAIL);
    }

    @Test
    void junitXmlMatchesTheGoldenFile() throws Exception {
        Verdict verdict = everyOutcome(InconclusivePolicy.WARN);
        assertThat(verdict.outcomes()).extracting(GateOutcome::status).containsExactly(Status.FAIL,
                Status.INCONCLUSIVE, Status.PASS, Status.SKIPPED);
        assertThat(verdict.runProblems()).hasSize(1);

        Path file = dir.resolve("reports/" + JUnitXml.FILE_NAME);
        JUnitXml.write(file, verdict);

        assertGolden("TEST-perfgate.xml", Files.readString(file));
        Document xml = parse(Files.readString(file));
        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("2");
        assertThat(suite.getAttribute("skipped")).isEqualTo("2");
        // the failure message is the console's line after "perfgate: ", character for character
        Element failure = (Element) xml.getElementsByTagName("failure").item(1);
        assertThat(failure.getAttribute("message")).isEqualTo(verdict.outcomes().get(0).message());
    }

    @Test
    void anInconclusiveCheckThatFailsTheBuildIsAFailure() throws Exception {
        Document xml = parse(JUnitXml.render(everyOutcome(InconclusivePolicy.FAIL)));
        Element regression = testcase(xml, "GET /search p99 maxRegression");
        Element failure = (Element) regression.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("inconclusive");
        assertThat(failure.getAttribute("message")).contains("too few trials");
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo("3");
        assertThat(xml.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
    }

    @Test
    void aRunWithoutDataIsOneFailedTestcase() throws Exception {
        RunResult empty = run().trials(1, SEARCH, req(new long[0])).build();
        Verdict verdict = GateEvaluator.evaluate(Gates.parse(List.of(new GateSpec(SEARCH, "p99", "250ms", null,
                null, null)), null), empty, null, BaselineState.MISSING_FAIL, CMD);
        Document xml = parse(JUnitXml.render(verdict));
        Element failure = (Element) testcase(xml, "run no-data").getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("no-data");
        assertThat(failure.getAttribute("message")).startsWith("no requests were measured in run.json");
        assertThat(xml.getDocumentElement().getAttribute("tests")).isEqualTo("1");

        Path file = dir.resolve(JUnitXml.FILE_NAME);
        JUnitXml.writeProblem(file, "no-data", "no usable run data: target/perfgate/run.json does not exist");
        Element problem = (Element) parse(Files.readString(file)).getElementsByTagName("failure").item(0);
        assertThat(problem.getAttribute("message")).isEqualTo(
                "no usable run data: target/perfgate/run.json does not exist");
    }

    @Test
    void markupAndControlCharactersInNamesKeepTheXmlWellFormed() throws Exception {
        String odd = "GET /q?a=1&b=<x>\u0007\"y\"";
        RunResult r = run().trials(2, odd, req(constant(50, 900_000))).build();
        List<Gate> gates = Gates.parse(List.of(new GateSpec(odd, "p99", "1ms", null, null, null),
                new GateSpec(odd, "p99", "2ms", null, null, null)), null);
        Document xml = parse(JUnitXml.render(GateEvaluator.evaluate(gates, r, null, BaselineState.MISSING_FAIL,
                CMD)));
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("GET /q?a=1&b=<x>\uFFFD\"y\" p99 max");
        // two gates of the same kind on the same figure: the second name is told apart
        assertThat(((Element) cases.item(1)).getAttribute("name")).endsWith("p99 max (2)");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").item(0).getAttributes()
                .getNamedItem("message").getNodeValue()).contains("&b=<x>\uFFFD\"y\"");
    }

    @Test
    void checkNamesFollowTheGatesChecks() throws Exception {
        RunResult r = run().trials(3, SEARCH, req(constant(100, 5_000))).build();
        List<Gate> gates = Gates.parse(List.of(
                new GateSpec(null, "p95", "10ms", "1ms", "10%", null),
                new GateSpec(SEARCH, "throughput", null, "5/s", null, "5%"),
                new GateSpec("GET /missing", "p50", "10ms", null, "10%", null)), null);
        Verdict v = GateEvaluator.evaluate(gates, r, r, BaselineState.PRESENT, CMD);
        assertThat(JUnitXml.checkNames(v.outcomes())).containsExactly("all requests p95 min/max",
                "all requests p95 maxRegression", "GET /search throughput minImprovement",
                // no data for the gate: one outcome stands for both of its checks
                "GET /missing p50 max+maxRegression");
    }

    @Test
    void resultMarkdownMatchesTheGoldenFile() throws Exception {
        assertGolden("result.md",
                ResultMarkdown.render(comparison(RUN, BASELINE, everyOutcome(InconclusivePolicy.WARN))));
    }

    @Test
    void theJobSummaryCollectsEveryAppend() throws Exception {
        Path summary = dir.resolve("step_summary");
        Files.writeString(summary, "## Unit tests\nall green\n");
        StepSummary.append(summary, "## perfgate: ✅ passed\n\ntext");
        StepSummary.append(summary, "## perfgate: ❌ failed\n");
        assertThat(Files.readString(summary)).isEqualTo("## Unit tests\nall green\n\n## perfgate: ✅ passed\n\ntext\n"
                + "\n## perfgate: ❌ failed\n");
        Path fresh = dir.resolve("fresh");
        StepSummary.append(fresh, "## perfgate\n");
        assertThat(Files.readString(fresh)).isEqualTo("## perfgate\n");
    }

    @Test
    void onlyTheStatusWordsAreStyledAndTheTablesStayAligned() throws Exception {
        Verdict verdict = everyOutcome(InconclusivePolicy.WARN);
        List<String> plain = console(RUN, BASELINE, verdict);
        List<String> styled = ConsoleSummary.lines(comparison(RUN, BASELINE, verdict), (status, word) -> "<" + status
                + ">" + word + "</>").stream().map(LogLine::text).toList();
        assertThat(styled).hasSameSizeAs(plain);
        for (int i = 0; i < plain.size(); i++) {
            assertThat(styled.get(i).replaceAll("<[A-Z]+>|</>", "")).isEqualTo(plain.get(i));
        }
        assertThat(styled).contains("  <FAIL>FAIL</>  the run is not a valid measurement: trial 2: the load "
                + "generator fell 120 ms behind its schedule");
        assertThat(styled).anySatisfy(l -> assertThat(l).startsWith("  <FAIL>FAIL</>          #1 p99 of GET"));
        assertThat(styled).anySatisfy(l -> assertThat(l).startsWith("  <INCONCLUSIVE>INCONCLUSIVE</>  #1 p99"));
        assertThat(styled).anySatisfy(l -> assertThat(l).startsWith("  <PASS>PASS</>          #2 p50"));
        assertThat(styled).anySatisfy(l -> assertThat(l).startsWith("  <SKIPPED>SKIPPED</>       #3 p95"));
        assertThat(styled.get(styled.size() - 1)).startsWith("<FAIL>FAILED</> (");
    }

    private static Element testcase(Document xml, String name) {
        NodeList cases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            if (c.getAttribute("name").equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no testcase named '" + name + "'");
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertGolden(String name, String actual) throws Exception {
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("perfgate.golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual);
        }
        assertThat(golden).as("golden file %s; create it with -Dperfgate.golden.update=true", golden).exists();
        assertThat(actual).isEqualTo(Files.readString(golden));
    }
}
