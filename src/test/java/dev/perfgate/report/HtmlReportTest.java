package dev.perfgate.report;

import static dev.perfgate.testing.ReportInputs.comparison;
import static dev.perfgate.testing.TestRuns.constant;
import static dev.perfgate.testing.TestRuns.req;
import static dev.perfgate.testing.TestRuns.run;
import static dev.perfgate.testing.TestRuns.spread;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.GateEvaluator;
import dev.perfgate.gate.GateSpec;
import dev.perfgate.gate.Gates;
import dev.perfgate.gate.Verdict;
import dev.perfgate.profile.ProfileFiles;
import dev.perfgate.result.RunResult;
import dev.perfgate.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page as text; HtmlReportBrowserTest opens the page of a real run in Chromium. */
class HtmlReportTest {
    static final String EVIL = "GET /q?<script>alert(\"x\")</script>&b='1'";
    private static final String CART = "POST /cart";

    @TempDir
    Path dir;

    private static RunResult twoRequests(long evilMicros, int cores) {
        TestRuns r = run().cores(cores);
        for (int i = 0; i < 5; i++) {
            r.trial(Map.of(EVIL, req(spread(200, evilMicros / 2, evilMicros + i * 1_000)), CART,
                    req(constant(100, 12_000), i == 0 ? 3 : 0)));
        }
        return r.build();
    }

    private static Verdict verdict(RunResult run, RunResult baseline) throws Exception {
        return GateEvaluator.evaluate(Gates.parse(List.of(
                new GateSpec(EVIL, "p99", "250ms", null, null, null),
                new GateSpec(null, "p95", null, null, "10%", null),
                new GateSpec(CART, "errorRate", "5%", null, null, null)), null), run, baseline,
                baseline == null ? BaselineState.MISSING_SKIP : BaselineState.PRESENT, "mvn perfgate:baseline");
    }

    private static JsonNode data(String page) throws Exception {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"perfgate-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(page);
        assertThat(m.find()).isTrue();
        return new ObjectMapper().readTree(m.group(1));
    }

    @Test
    void userTextIsEscapedEverywhere() throws Exception {
        RunResult run = twoRequests(312_000, 2);
        RunResult baseline = twoRequests(241_000, 2);

        String page = HtmlReport.render(dir, comparison(run, baseline, verdict(run, baseline)));

        assertThat(page).doesNotContain("<script>alert").doesNotContain("alert(\"x\")")
                .contains("<h3>GET /q?&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;b=&#39;1&#39;</h3>")
                .contains("#1 p99 of GET /q?&lt;script&gt;");
        // three <script> elements: the data, the page's script and uPlot; nothing else opens one
        assertThat(Pattern.compile("<script\\b").matcher(page).results().count()).isEqualTo(3);
        assertThat(Pattern.compile("</script>").matcher(page).results().count()).isEqualTo(3);
    }

    @Test
    void verdictGatesAndChartsOfEveryRequest() throws Exception {
        RunResult run = twoRequests(312_000, 2);
        RunResult baseline = twoRequests(241_000, 2);
        Verdict verdict = verdict(run, baseline);

        String page = HtmlReport.render(dir, comparison(run, baseline, verdict));

        assertThat(page).contains("<h1 class=\"verdict FAIL\">perfgate: failed</h1>")
                .contains("3 gate checks: 1 passed, 2 failed, 0 inconclusive, 0 skipped.")
                .contains("Compared with the baseline of 2026-01-15 (commit 0123456789).");
        for (var o : verdict.outcomes()) {
            assertThat(page).contains("<td class=\"detail\">" + dev.perfgate.report.html.Html.text(o.message())
                    + "</td>");
        }
        assertThat(page).contains("<h3>Relative checks</h3>").contains("FAIL: beyond the margin");
        JsonNode charts = data(page).get("charts");
        // per request (2 and all requests): distribution, per-trial latency, per-trial throughput
        assertThat(charts).hasSize(9);
        assertThat(charts.get(0).get("kind").asText()).isEqualTo("nines");
        assertThat(charts.get(0).get("series")).hasSize(4);
        assertThat(charts.get(1).get("kind").asText()).isEqualTo("trials");
        assertThat(charts.get(1).get("series").get(0).get("x")).hasSize(5);
        for (JsonNode chart : charts) {
            assertThat(page).contains("<div class=\"chart\" id=\"" + chart.get("id").asText() + "\"");
        }
        assertThat(page).contains("<tr><td>POST /cart</td><td>http-5xx</td><td class=\"num\">3 (0.60 %)</td>"
                + "<td class=\"num\">3 (0.60 %)</td></tr>");
        assertThat(page).contains("charts drawn with uPlot 1.6.30 (MIT licence");
        // self-contained: nothing is loaded from elsewhere, the library and the style are inlined
        assertThat(page).doesNotContain("<link").doesNotContain(" src=").doesNotContain("@import")
                .contains("var uPlot=function()");
    }

    @Test
    void missingPartsAreShownAsAbsent() throws Exception {
        RunResult run = twoRequests(312_000, 2);

        String page = HtmlReport.render(dir, comparison(run, null, verdict(run, null)));

        assertThat(page).contains("No baseline to compare with: the charts show this run alone.")
                .contains("No interval logs (trial-N.hlog) in " + dir)
                .contains("No profile of this run")
                .contains("No flame graphs in " + dir)
                .contains("No baseline: nothing to compare the environment with.")
                .doesNotContain("<th>baseline</th>");
        assertThat(data(page).get("charts")).hasSize(9);
        assertThat(data(page).get("charts").get(0).get("series")).hasSize(2);
    }

    @Test
    void differingEnvironmentIsHighlightedAndFlameGraphsPresentAreLinked() throws Exception {
        RunResult run = twoRequests(312_000, 2);
        RunResult baseline = twoRequests(241_000, 4);
        Files.writeString(dir.resolve(ProfileFiles.FLAME_CPU), "<html></html>");
        Files.writeString(dir.resolve(ProfileFiles.PPROF_CPU), "x");

        Path page = HtmlReport.write(dir, comparison(run, baseline, verdict(run, baseline)));

        assertThat(page).isEqualTo(dir.resolve("index.html"));
        String html = Files.readString(page);
        assertThat(html).contains("<tr class=\"differs\"><th>cores</th><td>2</td><td>4</td></tr>")
                .contains("<tr><th>CPU</th><td>Test CPU @ 2.0GHz</td><td>Test CPU @ 2.0GHz</td></tr>")
                .contains("The baseline was measured in another environment (cores 4 → 2)")
                .contains("<a href=\"flame-cpu.html\">flame-cpu.html</a>")
                .contains("<a href=\"profile-cpu.pb.gz\">")
                .doesNotContain("href=\"flame-diff.html\"");
    }
}
