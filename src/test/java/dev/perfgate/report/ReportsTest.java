package dev.perfgate.report;

import static dev.perfgate.testing.ReportInputs.comparison;
import static dev.perfgate.testing.ReportInputs.console;
import static dev.perfgate.testing.ReportInputs.write;
import static dev.perfgate.testing.TestRuns.constant;
import static dev.perfgate.testing.TestRuns.req;
import static dev.perfgate.testing.TestRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.GateEvaluator;
import dev.perfgate.gate.GateSpec;
import dev.perfgate.gate.Gates;
import dev.perfgate.gate.Verdict;
import dev.perfgate.result.LoadInfo;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.testing.TestRuns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportsTest {
    private static final String SEARCH = "GET /search";
    private static final String CART = "POST /cart";
    private static final String LONG = "GET /api/v2/catalogue/products/search?with=a-very-long-query-string-indeed";
    private static final String CMD = "mvn package perfgate:baseline";

    private static RunResult twoRequests(long searchMicros, long cartMicros, long cartErrors) {
        TestRuns r = run();
        for (int i = 0; i < 6; i++) {
            r.trial(Map.of(SEARCH, req(constant(200, searchMicros)), CART, req(constant(100, cartMicros),
                    cartErrors)));
        }
        return r.build();
    }

    private static final RunResult BASELINE = twoRequests(241_000, 12_000, 0);
    private static final RunResult RUN = twoRequests(312_000, 12_500, 3);

    private static Verdict verdict(RunResult run, RunResult baseline) throws Exception {
        return GateEvaluator.evaluate(Gates.parse(List.of(
                new GateSpec(SEARCH, "p99", "250ms", null, null, null),
                new GateSpec(null, "p95", null, null, "10%", null),
                new GateSpec(CART, "errorRate", "5%", null, null, null),
                new GateSpec(CART, "p50", null, null, null, "10%")), null), run, baseline,
                baseline == null ? BaselineState.MISSING_SKIP : BaselineState.PRESENT, CMD);
    }

    @Test
    void consoleTablesAreAlignedAndFitTheLog() throws Exception {
        List<String> lines = console(RUN, BASELINE, verdict(RUN, BASELINE));
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
        int header = indexOfStarting(lines, "  request");
        List<String> requestTable = lines.subList(header, header + 4); // header, 2 requests, all requests
        assertSameColumns(requestTable);
        assertThat(requestTable.get(1)).startsWith("  GET /search");
        assertThat(requestTable.get(3)).startsWith("  all requests");
        assertThat(requestTable.get(0)).contains("base p99").contains("p99 Δ");
        assertThat(requestTable.get(1)).contains("241.0").contains("+29.5 %");

        int gates = indexOfStarting(lines, "  status");
        List<String> gateTable = lines.subList(gates, gates + 5);
        assertSameColumns(gateTable);
        assertThat(gateTable.get(1)).startsWith("  FAIL    #1 p99 of GET /search").contains("max 250 ms");
        assertThat(lines.get(0)).isEqualTo("open model at 100 requests/s, 6 trials × 10 s (ramp-up 2 s, "
                + "warm-up 5 s), 4 connections");
        assertThat(lines.get(1)).isEqualTo("latency in ms, corrected (from the intended send time)");
        int relative = indexOfStarting(lines, "  gate");
        List<String> relativeTable = lines.subList(relative, relative + 3);
        assertSameColumns(relativeTable);
        assertThat(relativeTable.get(1)).startsWith("  #2 p95 of all requests").contains("+29.5 %")
                .contains("6 vs 6").contains("FAIL: beyond the margin");
        assertThat(relativeTable.get(2)).startsWith("  #4 p50 of POST /cart").contains("FAIL: not improved enough");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("FAILED (1 passed, 3 failed, 0 inconclusive, "
                + "0 skipped)");
    }

    @Test
    void longNamesAreShortenedAndClosedModelIsMarked() throws Exception {
        RunResult r = run().model("closed").trials(2, LONG, req(constant(100, 1_000))).build();
        Verdict v = GateEvaluator.evaluate(Gates.parse(List.of(new GateSpec(LONG, "p99", "1s", null, null, null),
                new GateSpec(null, "p95", null, null, "10%", null)), null), r, null, BaselineState.MISSING_SKIP, CMD);
        List<String> lines = console(r, null, v);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(120));
        assertThat(lines.get(1)).contains("(closed model: service time, not corrected)");
        assertThat(lines).noneMatch(l -> l.contains("base p99"));
        int header = indexOfStarting(lines, "  request");
        assertSameColumns(lines.subList(header, header + 3));
        int gates = indexOfStarting(lines, "  status");
        assertSameColumns(lines.subList(gates, gates + 3));
        assertThat(lines.get(gates + 1)).startsWith("  PASS     #1 p99 of GET /api/v2/").contains("…");
        assertThat(lines.get(gates + 2)).startsWith("  SKIPPED  #2 p95 of all requests");
    }

    @Test
    void resultMarkdownHasBeforeAndAfterNumbers() throws Exception {
        String md = ResultMarkdown.render(comparison(RUN, BASELINE, verdict(RUN, BASELINE)));
        assertThat(md).startsWith("## perfgate: ❌ failed\n\n4 gate checks: 1 passed, 3 failed. Open model at 100 "
                + "requests/s, 6 trials × 10 s (ramp-up 2 s, warm-up 5 s), 4 connections. Compared with the baseline "
                + "of 2026-01-15 (commit `0123456789`).\n");
        assertThat(md).contains("| `GET /search` | 241.0 → 312.1 (+29.5 %) | 241.0 → 312.1 (+29.5 %) | "
                + "241.0 → 312.1 (+29.5 %) | 20.0 → 20.0 (+0.0 %) | 0 → 0 |");
        assertThat(md).contains("| `POST /cart` |").contains("| 0 → 18 (3.00 %) |");
        assertThat(md).contains("| **all requests** |");
        assertThat(md).contains("- ❌ p99 of GET /search is 312.1 ms, but the maximum is 250 ms (baseline 241.0 ms, "
                + "+29.5 %)");
        assertThat(md).contains("Linux 6.1 amd64, Test CPU @ 2.0GHz, 2 cores, 8.0 GiB, Eclipse Adoptium 17.0.12 · "
                + "JFR off · commit `0123456789`");
        assertThat(md).doesNotContain("another environment");
        assertThat(md.lines().count()).isLessThan(40);
    }

    @Test
    void resultMarkdownWithoutBaselineAndWithProblems() throws Exception {
        RunResult flagged = run().trials(2, SEARCH, req(constant(100, 1_000))).flag("trial 1: sender lagged")
                .build();
        Verdict v = GateEvaluator.evaluate(Gates.parse(List.of(new GateSpec(null, "p95", null, null, "10%", null)),
                null), flagged, null, BaselineState.MISSING_SKIP, CMD);
        String md = ResultMarkdown.render(comparison(flagged, null, v));
        assertThat(md).contains("No baseline to compare with.");
        assertThat(md).contains("| `GET /search` | 1.0 | 1.0 | 1.0 | 10.0 | 0 |");
        assertThat(md).contains("- ❌ **broken-measurement**: the run is not a valid measurement: trial 1: sender "
                + "lagged");
        assertThat(md).contains("- ⚠️ p95 of all requests: the maximum regression of 10 % was skipped");
    }

    @Test
    void resultMarkdownWarnsAboutAnotherEnvironment() throws Exception {
        RunResult b = BASELINE;
        var env = b.environment();
        RunResult other = new RunResult(b.schemaVersion(), b.kind(), b.pluginVersion(), b.createdAt(), b.gitCommit(),
                new dev.perfgate.result.EnvironmentFingerprint(env.os(), env.arch(), env.cpuModel(), 8,
                        env.memoryBytes(), env.javaVendor(), env.javaVersion(), env.jvmArgs()),
                b.load(), b.jfr(), b.trials(), b.overall(), b.requests(), b.flags());
        assertThat(ResultMarkdown.render(comparison(RUN, other, verdict(RUN, other))))
                .contains("⚠️ The baseline was measured in another environment (cores 8 → 2)");
    }

    @Test
    void baselineMarkdown() {
        String md = BaselineMarkdown.render(BASELINE.asBaseline(), "src/perf/baseline.json", CMD);
        assertThat(md).startsWith("# Performance baseline\n");
        assertThat(md).contains("on 2026-01-15T10:00:00Z at commit `0123456789`");
        assertThat(md).contains("| `GET /search` | 20.0 | 241.0 | 241.0 | 241.0 | 0 |");
        assertThat(md).contains("| **all requests** | 30.0 |");
        assertThat(md).contains("- CPU: Test CPU @ 2.0GHz, 2 cores; memory 8.0 GiB");
        assertThat(md).contains("- open model at 100 requests/s, 6 trials × 10 s");
        assertThat(md).contains("`GET /search` (weight 1)");
        assertThat(md).contains("load hash `" + TestRuns.HASH + "`");
        assertThat(md).contains("JFR was off during the measurement");
        assertThat(md).contains("```\n" + CMD + "\n```");
        assertThat(BaselineMarkdown.render(run().jfr(true).trials(1, SEARCH, req(constant(10, 900))).build(),
                "b.json")).contains("JFR was recording in the service during the measurement (settings `profile`)")
                .contains(BaselineMarkdown.DEFAULT_RECORD_COMMAND);
    }

    @Test
    void resultJson() throws Exception {
        String json = ResultJson.of(verdict(RUN, BASELINE)).toJson();
        JsonNode tree = RunJson.mapper().readTree(json);
        assertThat(tree.get("schemaVersion").asInt()).isEqualTo(ResultJson.SCHEMA_VERSION);
        assertThat(tree.get("passed").asBoolean()).isFalse();
        JsonNode first = tree.get("gates").get(0);
        assertThat(first.get("index").asInt()).isEqualTo(1);
        assertThat(first.get("description").asText()).isEqualTo("p99 of GET /search");
        assertThat(first.get("status").asText()).isEqualTo("fail");
        assertThat(first.get("category").asText()).isEqualTo("threshold");
        assertThat(first.get("limit").asText()).isEqualTo("max 250 ms");
        assertThat(first.get("unit").asText()).isEqualTo("ms");
        assertThat(first.get("value").asDouble()).isEqualTo(TestRuns.reported(312_000));
        assertThat(first.get("baselineValue").asDouble()).isEqualTo(TestRuns.reported(241_000));
        assertThat(tree.get("gates").get(3).get("category").asText()).isEqualTo("improvement-not-met");
        assertThat(first.has("statistics")).isFalse();
        JsonNode stats = tree.get("gates").get(1).get("statistics");
        assertThat(stats.get("ratio").asDouble()).isCloseTo(312.1 / 241.0, org.assertj.core.api.Assertions.within(
                0.001));
        assertThat(stats.get("intervalLow").asDouble()).isGreaterThan(1.1);
        assertThat(stats.get("intervalHigh").asDouble()).isGreaterThanOrEqualTo(stats.get("ratio").asDouble());
        assertThat(stats.get("confidence").asDouble()).isEqualTo(0.98);
        assertThat(stats.get("bound").asDouble()).isCloseTo(1.1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(stats.get("pValue").asDouble()).isLessThan(0.01).isEqualTo(stats.get("pWorse").asDouble());
        assertThat(stats.get("trials").asInt()).isEqualTo(6);
        assertThat(stats.get("baselineTrials").asInt()).isEqualTo(6);
        assertThat(stats.get("alpha").asDouble()).isEqualTo(0.01);
        assertThat(stats.get("finding").asText()).isEqualTo("beyond the margin");
        assertThat(tree.get("runProblems")).isEmpty();
        assertThat(tree.get("warnings")).isEmpty();

        RunResult empty = run().trials(1, SEARCH, req(new long[0])).build();
        JsonNode problems = RunJson.mapper().readTree(ResultJson.of(GateEvaluator.evaluate(List.of(), empty, null,
                BaselineState.MISSING_FAIL, CMD)).toJson()).get("runProblems");
        assertThat(problems.get(0).get("category").asText()).isEqualTo("no-data");
    }

    @Test
    void resultMarkdownShowsTheProfileWithCountsAndRoundTripsThroughRunJson() throws Exception {
        var site = (java.util.function.BiFunction<String, Double, dev.perfgate.profile.ProfileSummary.Site>)
                (name, value) -> new dev.perfgate.profile.ProfileSummary.Site(name, 4, value);
        dev.perfgate.profile.ProfileSummary profile = new dev.perfgate.profile.ProfileSummary(1, 2, 10_000, 400, 900,
                List.of(new dev.perfgate.profile.ProfileSummary.Count("com.acme.Search.findAll", 300),
                        new dev.perfgate.profile.ProfileSummary.Count("java.lang.String.indexOf", 40)),
                List.of(), List.of(new dev.perfgate.profile.ProfileSummary.Count("a;b;c", 10)), 30, 3L << 20,
                List.of(site.apply("byte[]", (double) (2L << 20))),
                List.of(site.apply("com.acme.Search.load", (double) (2L << 20))),
                new dev.perfgate.profile.ProfileSummary.Gc(3, 12.5, 8.25, List.of()),
                List.of(site.apply("com.acme.Cache", 120.0)), List.of(site.apply("com.acme.Cache.get", 120.0)),
                List.of(), List.of(), List.of(), 0.42, 0.9, 2, null, null, null,
                List.of("only 40 CPU samples in the window: shares of a few per cent are noise"))
                .withLoad(2048, 4.0)
                .withHealth(new dev.perfgate.profile.HealthReport(dev.perfgate.profile.HealthReport.Severity.WARNING,
                        List.of(new dev.perfgate.profile.HealthReport.Finding("SystemGc", "GC Caused by System.gc()",
                                dev.perfgate.profile.HealthReport.Severity.WARNING, 90, "System.gc() ran 8 times.",
                                null, null)), 50, 10, List.of()));
        RunResult withProfile = RUN.withProfile(profile);
        String md = ResultMarkdown.render(comparison(withProfile, BASELINE, verdict(withProfile, BASELINE)));
        assertThat(md).contains("### Profile (JFR, measured windows only)")
                .contains("400 CPU samples in Java code, 900 in native code (mostly idle waits); the JVM used 42 % "
                        + "of the machine's CPU, the machine 90 %.")
                .contains("| `com.acme.Search.findAll` | 300 | 75.0 % |")
                .contains("**CPU-bound**: requests spend most of their time computing: 4.10 ms of CPU per request")
                .contains("Allocation (sampled): `byte[]` 2.0 MiB of 3.0 MiB (1.5 KiB per request); most allocated "
                        + "at `com.acme.Search.load` 2.0 MiB.")
                .contains("GC: 3 collections, 12.5 ms paused in all, longest 8.3 ms.")
                .contains("Lock waits over JFR's threshold: `com.acme.Cache.get` 4 waits, 120 ms.")
                .contains("- WARNING GC Caused by System.gc() (score 90): System.gc() ran 8 times.")
                .contains("⚠️ only 40 CPU samples");
        assertThat(ResultMarkdown.render(comparison(RUN, BASELINE, verdict(RUN, BASELINE))))
                .doesNotContain("### Profile");

        java.nio.file.Path file = java.nio.file.Files.createTempFile("run", ".json");
        RunJson.write(file, withProfile);
        assertThat(RunJson.read(file).profile()).isEqualTo(profile);
        assertThat(RunJson.read(file).asBaseline().profile()).isEqualTo(profile);
        java.nio.file.Files.delete(file);
    }

    @Test
    void rootCauseCandidatesComeFromBothProfiles() throws Exception {
        var hot = new dev.perfgate.profile.ProfileSummary.Count("com.acme.Search.findAll", 410);
        var cold = new dev.perfgate.profile.ProfileSummary.Count("com.acme.Search.findAll", 30);
        var gc = new dev.perfgate.profile.ProfileSummary.Gc(0, 0, 0, List.of());
        RunResult run = RUN.withProfile(new dev.perfgate.profile.ProfileSummary(1, 2, 1, 1000, 0, List.of(hot),
                null, null, 0, 0, null, null, gc, null, null, null, null, null, null, null, null, null, null, null,
                null));
        RunResult base = BASELINE.withProfile(new dev.perfgate.profile.ProfileSummary(1, 2, 1, 1000, 0,
                List.of(cold), null, null, 0, 0, null, null, gc, null, null, null, null, null, null, null, null, null,
                null, null, null));
        Verdict v = verdict(run, base);
        assertThat(console(run, base, v)).anySatisfy(l -> assertThat(l).startsWith(
                "  root cause candidate: com.acme.Search.findAll self time 3.0 % → 41.0 % of CPU samples (30 → 410 "
                        + "samples, z = "));
        assertThat(ResultMarkdown.render(comparison(run, base, v))).contains("### Root-cause candidates")
                .contains("| self time | `com.acme.Search.findAll` | 3.0 % | 41.0 % | CPU samples | 30 → 410 |");
        JsonNode rootCause = RunJson.mapper().readTree(ResultJson.of(comparison(run, base, v)).toJson())
                .get("rootCause");
        assertThat(rootCause.get(0).get("kind").asText()).isEqualTo("self-time");
        assertThat(rootCause.get(0).get("shareOf").asText()).isEqualTo("CPU samples");
        assertThat(rootCause.get(0).get("share").asDouble()).isEqualTo(0.41);
        assertThat(ResultMarkdown.render(comparison(run, BASELINE, v))).doesNotContain("Root-cause");
        // the other way round, the method got cooler: listed in result.md, not offered as a root cause
        Verdict reverse = verdict(base, run);
        assertThat(console(base, run, reverse)).noneSatisfy(l -> assertThat(l).contains("root cause"));
        assertThat(comparison(base, run, reverse).rootCause().hotter()).isEmpty();
        assertThat(ResultMarkdown.render(comparison(base, run, reverse)))
                .contains("| self time | `com.acme.Search.findAll` | 41.0 % "
                + "| 3.0 % |");
    }

    @Test
    void checkDrawsTheDifferentialFlameGraphFromTheStoredStacksOnlyWhenBothProfilesCompare() throws Exception {
        var gc = new dev.perfgate.profile.ProfileSummary.Gc(0, 0, 0, List.of());
        var before = List.of(new dev.perfgate.profile.ProfileSummary.Count("Thread.run;com.acme.Search.find", 90),
                new dev.perfgate.profile.ProfileSummary.Count("Thread.run;com.acme.Search.hot", 10));
        var after = List.of(new dev.perfgate.profile.ProfileSummary.Count("Thread.run;com.acme.Search.find", 40),
                new dev.perfgate.profile.ProfileSummary.Count("Thread.run;com.acme.Search.hot", 60));
        RunResult run = RUN.withProfile(new dev.perfgate.profile.ProfileSummary(1, 2, 1, 100, 0, List.of(), null,
                after, 0, 0, null, null, gc, null, null, null, null, null, null, null, null, null, null, null, null));
        RunResult base = BASELINE.withProfile(new dev.perfgate.profile.ProfileSummary(1, 2, 1, 100, 0, List.of(),
                null, before, 0, 0, null, null, gc, null, null, null, null, null, null, null, null, null, null, null,
                null));
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("reports");
        Reports.Written written = write(dir, run, base, verdict(run, base));
        assertThat(written.flameDiff()).isEqualTo(dir.resolve("flame-diff.html"));
        assertThat(java.nio.file.Files.readString(written.flameDiff())).contains("com.acme.Search")
                .contains("top 2 stacks of each");
        // without the baseline's profile, no graph, and no stale one left behind
        assertThat(write(dir, run, BASELINE, verdict(run, BASELINE)).flameDiff()).isNull();
        assertThat(dir.resolve("flame-diff.html")).doesNotExist();
    }

    private static int indexOfStarting(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with '" + prefix + "' in\n" + String.join("\n", lines));
    }

    /**
     * Same width; every row has as many cells as the header (cells are separated by 2+ spaces), and each column is
     * aligned: its cells all start (left-aligned) or all end (right-aligned) at the same position.
     */
    private static void assertSameColumns(List<String> table) {
        int width = table.get(0).length();
        assertThat(table).allSatisfy(l -> assertThat(l).hasSize(width));
        List<List<int[]>> cells = table.stream().map(ReportsTest::cells).toList();
        int n = cells.get(0).size();
        assertThat(cells).allSatisfy(c -> assertThat(c).hasSize(n));
        for (int i = 0; i < n; i++) {
            int col = i;
            boolean starts = cells.stream().map(c -> c.get(col)[0]).distinct().count() == 1;
            boolean ends = cells.stream().map(c -> c.get(col)[1]).distinct().count() == 1;
            assertThat(starts || ends).as("column %d aligned in%n%s", i, String.join("\n", table)).isTrue();
        }
    }

    private static List<int[]> cells(String line) {
        List<int[]> cells = new java.util.ArrayList<>();
        var m = java.util.regex.Pattern.compile("\\S+(?: \\S+)*").matcher(line);
        while (m.find()) {
            cells.add(new int[] {m.start(), m.end()});
        }
        return cells;
    }

    @Test
    void loadLineShowsAnExtensionAndFreshServices() {
        LoadInfo extended = new LoadInfo("open", 100, 0, 10, 5, 7, 5, 10, true, 4, List.of(), null, "h");
        LoadInfo planned = new LoadInfo("open", 100, 0, 10, 5, 5, 4, List.of(), null, "h");

        assertThat(Figures.load(extended)).isEqualTo("open model at 100 requests/s, 7 trials × 10 s (extended from 5 "
                + "planned, cap 10, a fresh service per trial, warm-up 5 s), 4 connections");
        assertThat(Figures.load(planned)).isEqualTo("open model at 100 requests/s, 5 trials × 10 s (warm-up 5 s), "
                + "4 connections");
    }
}
