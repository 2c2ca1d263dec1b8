package dev.perfgate.report;

import dev.perfgate.gate.EvidenceText;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.gate.RelativeStats;
import dev.perfgate.gate.Units;
import dev.perfgate.gate.Verdict;
import dev.perfgate.report.TextTable.Align;
import dev.perfgate.stats.RatioEvidence;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of every tested relative check in one table: change (ratio of the medians of per-trial values),
 * its interval, the deciding p-value, trials on each side, the trial spread and the verdict in words.
 */
final class RelativeTable {
    private RelativeTable() {
    }

    private static List<GateOutcome> tested(Verdict verdict) {
        return verdict.outcomes().stream().filter(o -> o.statistics() != null).toList();
    }

    static String markdown(Verdict verdict) {
        List<GateOutcome> tested = tested(verdict);
        if (tested.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("### Relative checks\n\n");
        md.append("| Gate | Limit | Change | Interval | p | Trials | Spread | Verdict |\n");
        md.append("|---|---|---:|---|---:|---:|---:|---|\n");
        for (GateOutcome o : tested) {
            List<String> c = cells(o);
            md.append("| ").append(ResultMarkdown.cellText(c.get(0)));
            for (int i = 1; i < c.size(); i++) {
                md.append(" | ").append(ResultMarkdown.cellText(c.get(i)));
            }
            md.append(" |\n");
        }
        RatioEvidence first = tested.get(0).statistics().evidence();
        md.append("\nChange is the ratio of the medians of per-trial values, this run against the baseline; the ")
                .append("interval is its ").append(EvidenceText.confidence(first)).append(" Hodges-Lehmann interval ")
                .append("and p the one-sided Mann-Whitney test against the limit, on log values. Spread is the ")
                .append("trials' own scatter: a margin under three spreads cannot be checked.\n\n");
        return md.toString();
    }

    static List<String> console(Verdict verdict) {
        List<GateOutcome> tested = tested(verdict);
        if (tested.isEmpty()) {
            return List.of();
        }
        // the limit is in the gate table above; the console has 120 columns
        TextTable table = new TextTable(List.of("gate", "change", "interval", "p", "trials", "spread", "verdict"),
                List.of(Align.LEFT, Align.RIGHT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT, Align.LEFT),
                new int[] {TextTable.FLEX, 0, 0, 0, 0, 0, 0});
        tested.forEach(o -> {
            List<String> cells = new ArrayList<>(cells(o));
            cells.remove(1);
            table.row(cells);
        });
        return table.render("  ", ConsoleSummary.WIDTH);
    }

    static List<String> cells(GateOutcome o) {
        RelativeStats s = o.statistics();
        RatioEvidence e = s.evidence();
        List<String> cells = new ArrayList<>();
        cells.add("#" + o.gate().index() + " " + o.gate().describe());
        cells.add(o.limit());
        cells.add(Units.signedPercent(e.ratio() - 1, RoundingMode.HALF_UP));
        cells.add(EvidenceText.interval(e));
        cells.add(EvidenceText.p(s.decidingP(o.status())));
        cells.add(e.candidateTrials() + " vs " + e.baselineTrials());
        cells.add(Double.isNaN(e.spread()) ? "n/a" : Units.unsignedPercent(e.spread(), RoundingMode.HALF_UP));
        cells.add(o.status().name() + ": " + s.finding());
        return cells;
    }
}
