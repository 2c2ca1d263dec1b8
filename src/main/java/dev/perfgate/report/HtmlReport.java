package dev.perfgate.report;

import static dev.perfgate.report.html.Html.attr;
import static dev.perfgate.report.html.Html.text;

import dev.perfgate.check.Comparison;
import dev.perfgate.gate.EnvironmentGuard;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.gate.Status;
import dev.perfgate.gate.Units;
import dev.perfgate.gate.Verdict;
import dev.perfgate.report.html.Assets;
import dev.perfgate.report.html.Chart;
import dev.perfgate.report.html.EnvironmentDiff;
import dev.perfgate.report.html.Html;
import dev.perfgate.report.html.OverTime;
import dev.perfgate.report.html.PercentileChart;
import dev.perfgate.report.html.TrialCharts;
import dev.perfgate.result.MergedResult;
import dev.perfgate.result.RequestStats;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * target/perfgate/index.html: the whole verdict for a person, one self-contained page that opens from disk. Text
 * (verdict, gates, tables) is written here; the charts are drawn by uPlot, inlined with the page's own script,
 * from data embedded as JSON. Parts a run does not have (no baseline, no profile, no interval logs) say so in
 * their place.
 */
public final class HtmlReport {
    public static final String FILE = "index.html";

    private final Comparison comparison;
    private final RunResult run;
    private final RunResult baseline;
    private final Verdict verdict;
    private final Path directory;
    private final List<Chart> charts = new ArrayList<>();
    private final StringBuilder html = new StringBuilder(64 * 1024);
    private int ids;

    private HtmlReport(Comparison comparison, Path directory) {
        this.comparison = comparison;
        this.run = comparison.run();
        this.baseline = comparison.baseline();
        this.verdict = comparison.verdict();
        this.directory = directory;
    }

    /**
     * Writes {@value #FILE} into the output directory.
     *
     * @param comparison the run, its baseline (in an interleaved A/B run, the baseline version's run) and verdict
     * @return the page
     */
    public static Path write(Path outputDirectory, Comparison comparison) throws IOException {
        Path page = outputDirectory.resolve(FILE);
        RunJson.writeAtomically(page, render(outputDirectory, comparison));
        return page;
    }

    /** @param outputDirectory where the run's interval logs and flame graphs are looked for */
    public static String render(Path outputDirectory, Comparison comparison) throws IOException {
        return new HtmlReport(comparison, outputDirectory).page(Assets.get());
    }

    private String page(Assets assets) {
        String title = "perfgate: " + (verdict.passed() ? "passed" : "failed");
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(text(title)).append("</title>\n")
                .append("<style>\n").append(Html.inlineStyle(assets.libraryStyle())).append("\n</style>\n")
                .append("<style>\n").append(Html.inlineStyle(assets.style())).append("\n</style>\n")
                .append("</head>\n<body>\n");
        verdictSection(title);
        requestsSection();
        chartsSection();
        overTimeSection();
        errorsSection();
        HtmlProfileSection.render(html, comparison, directory);
        environmentSection();
        footer(assets);
        html.append("<script type=\"application/json\" id=\"perfgate-data\">")
                .append(Html.scriptJson(Map.of("charts", charts))).append("</script>\n")
                .append("<script>\n").append(Html.inlineScript(assets.script())).append("\n</script>\n")
                .append("<script>\n").append(Html.inlineScript(assets.libraryScript())).append("\n</script>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    private void verdictSection(String title) {
        boolean passed = verdict.passed();
        html.append("<header>\n<h1 class=\"verdict ").append(passed ? "PASS" : "FAIL").append("\">")
                .append(text(title)).append("</h1>\n");
        html.append("<p class=\"summary\">").append(text(counts())).append("</p>\n");
        html.append("<p>").append(text(capitalize(Figures.load(run.load())))).append(". ")
                .append(text(comparedWith())).append("</p>\n");
        html.append("<nav><a href=\"#gates\">Gates</a> · <a href=\"#requests\">Requests</a> · "
                + "<a href=\"#charts\">Distributions and trials</a> · <a href=\"#over-time\">Over time</a> · "
                + "<a href=\"#errors\">Errors</a> · <a href=\"#root-cause\">Root cause</a> · "
                + "<a href=\"#environment\">Environment</a></nav>\n</header>\n");

        html.append("<section id=\"gates\">\n<h2>Gates</h2>\n");
        if (!verdict.runProblems().isEmpty()) {
            html.append("<ul class=\"problems\">\n");
            for (GateOutcome p : verdict.runProblems()) {
                html.append("<li><span class=\"status ").append(p.status().name()).append("\">")
                        .append(p.status().name()).append("</span> <b>").append(text(p.category().id()))
                        .append("</b>: ").append(text(p.message())).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        if (verdict.outcomes().isEmpty()) {
            html.append("<p class=\"absent\">No gate checks were evaluated.</p>\n");
        } else {
            html.append("<table class=\"gates\">\n<thead><tr><th>status</th><th>gate</th><th>check</th>"
                    + "<th class=\"num\">value</th><th>limit</th><th class=\"num\">baseline</th>"
                    + "<th class=\"num\">change</th><th>detail</th></tr></thead>\n<tbody>\n");
            for (GateOutcome o : verdict.outcomes()) {
                gateRow(o);
            }
            html.append("</tbody>\n</table>\n");
        }
        relativeTable();
        List<String> warnings = verdict.runWarnings();
        if (!warnings.isEmpty()) {
            html.append("<ul class=\"warnings\">\n");
            warnings.forEach(w -> html.append("<li>").append(text(w)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    private String counts() {
        long failed = verdict.failures().size();
        int checks = verdict.outcomes().size();
        return checks + (checks == 1 ? " gate check: " : " gate checks: ") + verdict.count(Status.PASS) + " passed, "
                + failed + " failed, " + verdict.count(Status.INCONCLUSIVE) + " inconclusive"
                + (verdict.failOnInconclusive() ? " (failing the build)" : "") + ", " + verdict.count(Status.SKIPPED)
                + " skipped" + (verdict.runProblems().isEmpty() ? "" : "; the measurement itself is not valid")
                + ".";
    }

    private String comparedWith() {
        if (baseline == null) {
            return "No baseline to compare with: the charts show this run alone.";
        }
        if (run.pairing() != null) {
            return "Interleaved A/B: " + run.pairing().pairs() + " pairs with " + run.pairing().baselineVersion()
                    + ", measured one right after the other on this machine.";
        }
        return "Compared with the baseline of " + ResultMarkdown.date(baseline.createdAt()) + " (commit "
                + Figures.shortCommit(baseline.gitCommit()) + ").";
    }

    private void gateRow(GateOutcome o) {
        var metric = o.gate().metric();
        String change = o.value() != null && o.baselineValue() != null
                ? Units.signedChange(o.value(), o.baselineValue()) : "";
        html.append("<tr class=\"").append(o.status().name()).append("\"><td><span class=\"status ")
                .append(o.status().name()).append("\">").append(o.status().name()).append("</span></td>")
                .append("<td>#").append(o.gate().index()).append(' ').append(text(o.gate().describe())).append("</td>")
                .append("<td>").append(text(o.category() == null ? "" : o.category().id())).append("</td>")
                .append("<td class=\"num\">").append(o.value() == null ? "-" : text(Units.value(metric, o.value())))
                .append("</td><td>").append(text(o.limit())).append("</td>")
                .append("<td class=\"num\">").append(o.baselineValue() == null ? "-"
                        : text(Units.value(metric, o.baselineValue())))
                .append("</td><td class=\"num\">").append(text(change)).append("</td>")
                .append("<td class=\"detail\">").append(text(o.message())).append("</td></tr>\n");
    }

    private void relativeTable() {
        List<GateOutcome> tested = verdict.outcomes().stream().filter(o -> o.statistics() != null).toList();
        if (tested.isEmpty()) {
            return;
        }
        html.append("<h3>Relative checks</h3>\n<table class=\"relative\">\n<thead><tr><th>gate</th><th>limit</th>"
                + "<th class=\"num\">change</th><th>interval</th><th class=\"num\">p</th><th class=\"num\">trials"
                + "</th><th class=\"num\">spread</th><th>verdict</th></tr></thead>\n<tbody>\n");
        for (GateOutcome o : tested) {
            List<String> cells = RelativeTable.cells(o);
            html.append("<tr class=\"").append(o.status().name()).append("\">");
            for (int i = 0; i < cells.size(); i++) {
                boolean number = i == 2 || i == 4 || i == 5 || i == 6;
                html.append(number ? "<td class=\"num\">" : "<td>").append(text(cells.get(i))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n<p class=\"note\">Change is the ratio of the medians of per-trial values, "
                + "this run against the baseline, with its Hodges-Lehmann interval; p is the one-sided Mann-Whitney "
                + "test against the limit, on log values. Spread is the trials' own scatter.</p>\n");
    }

    private void requestsSection() {
        boolean b = baseline != null;
        html.append("<section id=\"requests\">\n<h2>Requests</h2>\n<p class=\"note\">")
                .append(Figures.closed(run) ? "Latency in ms, service time (closed model: not corrected)."
                        : "Latency in ms, corrected for coordinated omission (from the intended send time).")
                .append("</p>\n<table class=\"requests\">\n<thead><tr><th>request</th><th class=\"num\">count</th>"
                        + "<th class=\"num\">errors</th><th class=\"num\">req/s</th><th class=\"num\">p50</th>"
                        + "<th class=\"num\">p95</th><th class=\"num\">p99</th><th class=\"num\">max</th>");
        if (b) {
            html.append("<th class=\"num\">baseline p99</th><th class=\"num\">p99 change</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        List<Figures.Row> rows = Figures.rows(run);
        for (Figures.Row row : rows) {
            RequestStats s = row.stats();
            html.append("<tr").append(row.name() == null ? " class=\"all\"" : "").append("><td>")
                    .append(text(row.label())).append("</td>");
            for (String cell : List.of(String.valueOf(s.count()), String.valueOf(s.errors()),
                    Figures.throughput(s.throughput()), Figures.ms(s.corrected().p50()),
                    Figures.ms(s.corrected().p95()), Figures.ms(s.corrected().p99()),
                    Figures.ms(s.corrected().max()))) {
                html.append("<td class=\"num\">").append(text(cell)).append("</td>");
            }
            if (b) {
                RequestStats base = Figures.stats(baseline, row.name());
                boolean none = base == null || base.count() == 0;
                html.append("<td class=\"num\">").append(none ? "-" : text(Figures.ms(base.corrected().p99())))
                        .append("</td><td class=\"num\">").append(none ? "-"
                                : text(Units.signedChange(s.corrected().p99(), base.corrected().p99())))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"").append(b ? 10 : 8).append("\" class=\"absent\">This run recorded no "
                    + "requests.</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private void chartsSection() {
        html.append("<section id=\"charts\">\n<h2>Distributions and trials</h2>\n<p class=\"note\">Percentiles on a "
                + "“nines” axis: 90 %, 99 %, 99.9 % … get equal room, so the tail shows. Solid: corrected (from the "
                + "intended send time, what users saw); dashed: uncorrected (service time). A line ends where its "
                + "samples stop resolving the tail (with n samples, at 1 − 1/n). Blue: this run; orange: the "
                + "baseline. Per-trial charts show each trial's own figures: the scatter between trials is the noise "
                + "relative gates see through.</p>\n");
        boolean closed = Figures.closed(run);
        for (Figures.Row row : Figures.rows(run)) {
            html.append("<div class=\"request\">\n<h3>").append(text(row.label())).append("</h3>\n");
            MergedResult mine = row.name() == null ? run.overall() : run.requests().get(row.name());
            MergedResult theirs = baseline == null ? null
                    : row.name() == null ? baseline.overall() : baseline.requests().get(row.name());
            chart(PercentileChart.of(nextId(), "Latency distribution", mine, theirs, closed),
                    "No latency histogram to draw: run.json holds none for this request.");
            chart(TrialCharts.latency(nextId(), "p95 and p99 per " + trialWord(), run, baseline, row.name()),
                    "No per-trial figures for this request.");
            chart(TrialCharts.throughput(nextId(), "Throughput per " + trialWord(), run, baseline, row.name()),
                    "No per-trial figures for this request.");
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    private void overTimeSection() {
        html.append("<section id=\"over-time\">\n<h2>Over time</h2>\n");
        OverTime overTime = OverTime.of(nextId(), nextId(), directory, run, baseline);
        String absent = "No interval logs (trial-N.hlog) in " + directory + ": "
                + (run.trials().stream().anyMatch(t -> t.intervalLog() != null) ? "they were removed."
                        : "this run was not measured by perfgate's own engine, or was imported.");
        if (overTime.throughput().series().isEmpty()) {
            html.append("<p class=\"absent\">").append(text(absent)).append("</p>\n");
        } else {
            html.append("<p class=\"note\">All requests, one point per second of each trial, from the interval "
                    + "logs; a line breaks between trials.")
                    .append(baseline != null && overTime.throughput().series().size() < 2
                            ? " The baseline has no interval logs (a committed baseline keeps none)." : "")
                    .append("</p>\n");
            chart(overTime.throughput(), absent);
            chart(overTime.latency(), absent);
        }
        for (String note : overTime.notes()) {
            html.append("<p class=\"absent\">").append(text(note)).append("</p>\n");
        }
        html.append("</section>\n");
    }

    private void chart(Chart chart, String absent) {
        html.append("<h4>").append(text(chart.title())).append("</h4>\n");
        if (chart.series().isEmpty()) {
            html.append("<p class=\"absent\">").append(text(absent)).append("</p>\n");
            return;
        }
        charts.add(chart);
        html.append("<div class=\"chart\" id=\"").append(attr(chart.id())).append("\" data-kind=\"")
                .append(attr(chart.kind())).append("\" data-expected-points=\"").append(chart.points())
                .append("\"></div>\n");
    }

    private String nextId() {
        return "chart-" + ++ids;
    }

    private String trialWord() {
        return run.pairing() != null ? "pair" : "trial";
    }

    private void errorsSection() {
        html.append("<section id=\"errors\">\n<h2>Errors by kind</h2>\n");
        List<String[]> rows = new ArrayList<>();
        for (Figures.Row row : Figures.rows(run)) {
            RequestStats base = Figures.stats(baseline, row.name());
            java.util.TreeSet<String> kinds = new java.util.TreeSet<>(row.stats().errorsByKind().keySet());
            if (base != null) {
                kinds.addAll(base.errorsByKind().keySet());
            }
            for (String kind : kinds) {
                long mine = row.stats().errorsByKind().getOrDefault(kind, 0L);
                long theirs = base == null ? 0 : base.errorsByKind().getOrDefault(kind, 0L);
                if (mine > 0 || theirs > 0) {
                    rows.add(new String[] {row.label(), kind, mine + share(mine, row.stats().count()),
                            base == null ? "-" : theirs + share(theirs, base.count())});
                }
            }
        }
        if (rows.isEmpty()) {
            html.append("<p class=\"absent\">No failed requests in this run").append(baseline == null ? ""
                    : " or the baseline").append(".</p>\n");
        } else {
            html.append("<table class=\"errors\">\n<thead><tr><th>request</th><th>kind</th><th class=\"num\">"
                    + "this run</th><th class=\"num\">baseline</th></tr></thead>\n<tbody>\n");
            for (String[] r : rows) {
                html.append("<tr><td>").append(text(r[0])).append("</td><td>").append(text(r[1]))
                        .append("</td><td class=\"num\">").append(text(r[2])).append("</td><td class=\"num\">")
                        .append(text(r[3])).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n<p class=\"note\">connect: no connection; timeout: no complete answer "
                    + "in time; io: the connection broke; status: a status code the request does not accept; check: "
                    + "the body failed a content check; unfinished: still queued or in flight when the trial ended; "
                    + "exception: a Java scenario's call threw.</p>\n");
        }
        html.append("</section>\n");
    }

    private static String share(long errors, long count) {
        return count <= 0 || errors == 0 ? "" : " (" + Figures.errorRate(errors / (double) count) + ")";
    }

    private void environmentSection() {
        html.append("<section id=\"environment\">\n<h2>Environment</h2>\n");
        if (baseline != null) {
            List<String> guard = EnvironmentGuard.differences(baseline, run);
            if (!guard.isEmpty()) {
                html.append("<p class=\"warning\">The baseline was measured in another environment (")
                        .append(text(String.join("; ", guard)))
                        .append("): differences may come from the machine, not the code.</p>\n");
            }
        }
        html.append("<table class=\"environment\">\n<thead><tr><th></th><th>this run</th>")
                .append(baseline == null ? "" : "<th>baseline</th>").append("</tr></thead>\n<tbody>\n");
        for (EnvironmentDiff.Row row : EnvironmentDiff.rows(run, baseline)) {
            html.append("<tr").append(row.differs() ? " class=\"differs\"" : "").append("><th>")
                    .append(text(row.field())).append("</th><td>").append(text(row.run())).append("</td>");
            if (baseline != null) {
                html.append("<td>").append(text(row.baseline())).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (baseline == null) {
            html.append("<p class=\"absent\">No baseline: nothing to compare the environment with.</p>\n");
        } else {
            html.append("<p class=\"note\">Highlighted: fields in which the two differ.</p>\n");
        }
        html.append("</section>\n");
    }

    private void footer(Assets assets) {
        html.append("<footer>perfgate ").append(text(run.pluginVersion())).append(" · ")
                .append(text(run.gitCommit() == null || run.gitCommit().isBlank() ? "unknown commit"
                        : "commit " + Figures.shortCommit(run.gitCommit())))
                .append(" · ").append(text(run.createdAt()))
                .append(" · charts drawn with ").append(Assets.LIBRARY).append(' ')
                .append(text(assets.libraryVersion())).append(" (").append(Assets.LICENCE)
                .append(" licence, © Leon Sorokin), inlined into this page</footer>\n");
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
