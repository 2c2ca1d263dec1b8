package dev.perfgate.report;

import dev.perfgate.check.Comparison;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.gate.Status;
import dev.perfgate.gate.Units;
import dev.perfgate.gate.Verdict;
import dev.perfgate.report.TextTable.Align;
import dev.perfgate.result.RequestStats;
import dev.perfgate.result.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary perfgate prints in the Maven log: a table of the figures per request and a table of the gates.
 * At most 120 columns; long request names and gate descriptions are shortened in the middle.
 */
public final class ConsoleSummary {
    public static final int WIDTH = 120;
    static final int MAX_LIMIT = 36;

    private ConsoleSummary() {
    }

    public static List<LogLine> lines(Comparison comparison) {
        return lines(comparison, StatusStyle.PLAIN);
    }

    /**
     * The summary with the status words styled (coloured); padding is computed on the plain words. The first and the
     * last line are messages; the tables between them are detail lines.
     */
    public static List<LogLine> lines(Comparison comparison, StatusStyle style) {
        RunResult run = comparison.run();
        RunResult baseline = comparison.baseline();
        Verdict verdict = comparison.verdict();
        List<LogLine> out = new ArrayList<>();
        out.add(LogLine.info(Figures.load(run.load())));
        List<String> lines = new ArrayList<>();
        lines.add(Figures.closed(run) ? "latency in ms (closed model: service time, not corrected)"
                : "latency in ms, corrected (from the intended send time)");

        boolean withBaseline = baseline != null;
        List<String> headers = new ArrayList<>(List.of("request", "count", "errors", "req/s", "p50", "p95", "p99",
                "max"));
        List<Align> aligns = new ArrayList<>(List.of(Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.RIGHT,
                Align.RIGHT, Align.RIGHT, Align.RIGHT));
        List<Integer> widths = new ArrayList<>(List.of(TextTable.FLEX, 0, 0, 0, 0, 0, 0, 0));
        if (withBaseline) {
            headers.addAll(List.of("base p99", "p99 Δ"));
            aligns.addAll(List.of(Align.RIGHT, Align.RIGHT));
            widths.addAll(List.of(0, 0));
        }
        TextTable requests = new TextTable(headers, aligns, widths.stream().mapToInt(Integer::intValue).toArray());
        for (Figures.Row row : Figures.rows(run)) {
            RequestStats s = row.stats();
            List<String> cells = new ArrayList<>(List.of(row.label(), String.valueOf(s.count()),
                    String.valueOf(s.errors()), Figures.throughput(s.throughput()), Figures.ms(s.corrected().p50()),
                    Figures.ms(s.corrected().p95()), Figures.ms(s.corrected().p99()),
                    Figures.ms(s.corrected().max())));
            if (withBaseline) {
                RequestStats b = Figures.stats(baseline, row.name());
                if (b == null || b.count() == 0) {
                    cells.addAll(List.of("-", "-"));
                } else {
                    cells.add(Figures.ms(b.corrected().p99()));
                    cells.add(Units.signedChange(s.corrected().p99(), b.corrected().p99()));
                }
            }
            requests.row(cells);
        }
        lines.addAll(requests.render("  ", WIDTH));

        if (!verdict.outcomes().isEmpty()) {
            lines.add("");
            TextTable gates = new TextTable(List.of("status", "gate", "value", "limit", "baseline"),
                    List.of(Align.LEFT, Align.LEFT, Align.RIGHT, Align.LEFT, Align.RIGHT),
                    new int[] {0, TextTable.FLEX, 0, MAX_LIMIT, 0});
            for (GateOutcome o : verdict.outcomes()) {
                gates.row(List.of(o.status().name(), "#" + o.gate().index() + " " + o.gate().describe(),
                        o.value() == null ? "-" : Units.value(o.gate().metric(), o.value()), o.limit(),
                        o.baselineValue() == null ? "-" : Units.value(o.gate().metric(), o.baselineValue())));
            }
            List<String> rendered = gates.render("  ", WIDTH);
            lines.add(rendered.get(0));
            for (int i = 0; i < verdict.outcomes().size(); i++) {
                lines.add(styled(rendered.get(i + 1), verdict.outcomes().get(i).status(), style));
            }
            List<String> relative = RelativeTable.console(verdict);
            if (!relative.isEmpty()) {
                lines.add("");
                lines.addAll(relative);
            }
        }
        for (var finding : comparison.rootCause().hotter()) {
            lines.add("  root cause candidate: " + finding.describe());
        }
        for (GateOutcome p : verdict.runProblems()) {
            lines.add("  " + style.apply(p.status(), p.status().name()) + "  " + p.message());
        }
        long failed = verdict.failures().size();
        long skipped = verdict.count(Status.SKIPPED);
        long passed = verdict.count(Status.PASS);
        long inconclusive = verdict.count(Status.INCONCLUSIVE);
        lines.forEach(line -> out.add(LogLine.detail(line)));
        out.add(LogLine.info((verdict.passed() ? style.apply(Status.PASS, "PASSED")
                : style.apply(Status.FAIL, "FAILED")) + " (" + passed + " passed, " + failed + " failed, "
                + inconclusive + " inconclusive, " + skipped + " skipped)"));
        return out;
    }

    /** A gate row starts with the indent and the status word: only the word is styled. */
    private static String styled(String row, Status status, StatusStyle style) {
        String word = status.name();
        int at = row.indexOf(word);
        return at < 0 ? row : row.substring(0, at) + style.apply(status, word) + row.substring(at + word.length());
    }
}
