package dev.perfgate.report;

import static dev.perfgate.testing.ReportInputs.comparison;
import static dev.perfgate.testing.ReportInputs.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.GateEvaluator;
import dev.perfgate.gate.GateSpec;
import dev.perfgate.gate.Gates;
import dev.perfgate.gate.Verdict;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.NettyLoadEngine;
import dev.perfgate.load.RequestSpec;
import dev.perfgate.profile.ProfileFiles;
import dev.perfgate.result.LoadModel;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.run.AbPlan;
import dev.perfgate.run.Measurement;
import dev.perfgate.run.MeasurementPlan;
import dev.perfgate.service.JfrOptions;
import dev.perfgate.service.Readiness;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.testing.HeadlessChromium;
import dev.perfgate.testing.TestApps;
import dev.perfgate.testing.apps.EchoServer;
import dev.perfgate.util.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of a real interleaved A/B run (two EchoServers, the real engine, JFR on), opened from disk in
 * headless Chromium: no script error, and every chart drew its lines (the page's script counts the coloured pixels
 * on each chart's canvas). Saves target/perfgate-report.png and target/perfgate-report.html for a person to look
 * at. No timing assertions: the build machine may be busy.
 */
@Timeout(600)
@Tag("slow")
class HtmlReportBrowserTest {
    private static final String PORT_URL = "http://127.0.0.1:${perfgate.port}";
    private static final String ECHO = "GET /";
    /** A request whose answers all fail their check, under a name no page may take for markup. */
    private static final String CHECKED = HtmlReportTest.EVIL;
    private static final Pattern CHART = Pattern.compile("<div class=\"chart\" id=\"(chart-\\d+)\" data-kind=\"(\\w+)\""
            + " data-expected-points=\"(\\d+)\"([^>]*)>");

    @TempDir
    Path dir;

    @Test
    void theReportOfARealRunOpensFromDiskWithEveryChartDrawn() throws Exception {
        Path chromium = HeadlessChromium.find();
        String ci = System.getenv("CI");
        if (chromium == null) {
            assertThat(ci == null || ci.isBlank() || ci.equalsIgnoreCase("false"))
                    .as("CI is set, so chromium must be installed to open the HTML report (.ci/run installs it)")
                    .isTrue();
            Assumptions.abort("chromium is not on the PATH, so the HTML report is not opened in a browser; install "
                    + "it (apt-get install chromium, as .ci/run does) to run this test");
        }
        RunResult run = measure();
        RunResult baseline = RunJson.read(dir.resolve(run.pairing().baselineRun()));
        Verdict verdict = GateEvaluator.evaluate(Gates.parse(List.of(
                new GateSpec(null, "p99", "10s", null, null, null),
                new GateSpec(null, "p95", null, null, "50%", null),
                new GateSpec(CHECKED, "errorRate", "1%", null, null, null)), null), run, baseline,
                BaselineState.PRESENT, "mvn perfgate:baseline");

        Reports.Written written = write(dir, run, baseline, verdict);

        assertThat(written.html()).isEqualTo(dir.resolve(HtmlReport.FILE)).isNotEmptyFile();
        String page = Files.readString(written.html());
        assertThat(page.contains("<script>alert")).as("the request name as markup").isFalse();
        assertThat(page.contains("<h4>Throughput over time</h4>")).as("the over-time charts").isTrue();
        assertThat(page.contains("<a href=\"" + ProfileFiles.FLAME_DIFF + "\">")).as("the flame graph links").isTrue();
        Files.createDirectories(Path.of("target"));
        Files.copy(written.html(), Path.of("target", "perfgate-report.html"), StandardCopyOption.REPLACE_EXISTING);

        HeadlessChromium.Rendered rendered = HeadlessChromium.open(chromium, written.html(), dir);
        assertNoScriptError(rendered);
        List<String[]> charts = charts(rendered.dom());
        // three requests (two names and all requests) × distribution, per-pair latency and throughput; over time 2
        assertThat(charts).extracting(c -> c[1]).containsExactly("nines", "trials", "trials", "nines", "trials",
                "trials", "nines", "trials", "trials", "time", "time");
        assertThat(rendered.dom().contains("<body data-charts=\"" + charts.size() + "\">"))
                .as("the script drew all %d charts", charts.size()).isTrue();
        for (String[] c : charts) {
            assertThat(Integer.parseInt(c[2])).as("%s: points in the data", c[0]).isPositive();
            assertThat(attribute(c[3], "data-points")).as("%s: points the script drew", c[0]).isEqualTo(c[2]);
            assertThat(Integer.parseInt(attribute(c[3], "data-ink"))).as("%s: coloured pixels on its canvas", c[0])
                    .isGreaterThan(100);
        }
        assertThat(rendered.dom().contains("<h3>GET /q?&lt;script&gt;alert(\"x\")&lt;/script&gt;&amp;b='1'</h3>"))
                .as("the request name shown as text").isTrue();
        assertThat(rendered.dom().contains("class=\"verdict FAIL\"")).as("the verdict").isTrue();

        Path png = Path.of("target", "perfgate-report.png");
        String log = HeadlessChromium.screenshot(chromium, written.html(), png, 1280, 4000, dir);
        assertThat(log).doesNotContain("Uncaught");
        assertThat(png).isNotEmptyFile();

        // the same run alone: every part without a baseline says so, and the page still draws
        Path alone = dir.resolve("alone.html");
        Verdict aloneVerdict = GateEvaluator.evaluate(Gates.parse(List.of(new GateSpec(null, "p99", "10s", null,
                null, null)), null), run, null, BaselineState.MISSING_SKIP, "mvn perfgate:baseline");
        Files.writeString(alone, HtmlReport.render(dir, comparison(run, null, aloneVerdict)));
        HeadlessChromium.Rendered withoutBaseline = HeadlessChromium.open(chromium, alone, dir);
        assertNoScriptError(withoutBaseline);
        assertThat(withoutBaseline.dom().contains("No baseline to compare with")
                && withoutBaseline.dom().contains("No baseline to compare this run's profile with."))
                .as("the parts without a baseline say so").isTrue();
        for (String[] c : charts(withoutBaseline.dom())) {
            assertThat(Integer.parseInt(attribute(c[3], "data-ink"))).as("%s alone", c[0]).isGreaterThan(100);
        }
    }

    private static void assertNoScriptError(HeadlessChromium.Rendered rendered) {
        assertThat(rendered.log()).as("Chromium's console").doesNotContain("Uncaught").doesNotContain(":CONSOLE");
        Matcher body = Pattern.compile("<body[^>]*>").matcher(rendered.dom());
        assertThat(body.find()).as("a <body> in the DOM").isTrue();
        assertThat(body.group()).as("errors the page's script caught").doesNotContain("data-script-errors");
        assertThat(rendered.dom().contains("<p id=\"script-errors\"")).as("the page shows a script error").isFalse();
    }

    /** id, kind, expected points and the other attributes of every chart element in the DOM. */
    private static List<String[]> charts(String dom) {
        List<String[]> charts = new ArrayList<>();
        Matcher m = CHART.matcher(dom);
        while (m.find()) {
            charts.add(new String[] {m.group(1), m.group(2), m.group(3), m.group(4)});
        }
        return charts;
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(attributes);
        assertThat(m.find()).as("%s in %s", name, attributes).isTrue();
        return m.group(1);
    }

    /** Three interleaved pairs of 2 s trials at 100 requests/s against two EchoServers, JFR on both. */
    private RunResult measure() throws Exception {
        LoadProfile profile = new LoadProfile(LoadModel.OPEN, 100, Duration.ZERO, Duration.ofSeconds(2),
                Duration.ofSeconds(1), 3, 2, Duration.ofSeconds(10), Duration.ofSeconds(1));
        RequestSpec echo = new RequestSpec(ECHO, "GET", "/?x", Map.of(), null, 3, List.of(), List.of(), List.of());
        RequestSpec checked = new RequestSpec(CHECKED, "GET", "/?q=1", Map.of(), null, 1, List.of(),
                List.of("never in an answer"), List.of());
        LoadDefinition load = new LoadDefinition(List.of(echo, checked), profile, null);
        AbPlan ab = new AbPlan(echo(AbPlan.BASELINE_SERVICE_LOG), "the EchoServer again", null,
                List.of(true, false, true), 42L);
        MeasurementPlan plan = new MeasurementPlan(echo(Measurement.SERVICE_LOG), PORT_URL, load,
                () -> new NettyLoadEngine(1), dir, Set.of(), "test", null).withAb(ab);
        RunResult run = new Measurement(plan, new BuildLog() {
            @Override
            public void info(String line) {
                System.out.println(line);
            }

            @Override
            public void warn(String line) {
                System.out.println("WARN " + line);
            }
        }).run();
        assertThat(run.pairing()).isNotNull();
        assertThat(run.trials()).hasSize(3).allSatisfy(t -> assertThat(dir.resolve(t.intervalLog())).isNotEmptyFile());
        assertThat(run.profile()).as("JFR profile summary of the run").isNotNull();
        return run;
    }

    private ServiceSpec echo(String logFile) {
        return TestApps.main(EchoServer.class)
                .jvmArgs("-Xmx64m", "-Dsun.net.httpserver.nodelay=true")
                .logFile(dir.resolve(logFile))
                .readiness(Readiness.http(PORT_URL + "/"))
                .jfr(JfrOptions.profile(dir))
                .build();
    }
}
