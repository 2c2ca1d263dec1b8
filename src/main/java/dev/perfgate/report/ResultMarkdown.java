package dev.perfgate.report;

import dev.perfgate.check.Comparison;
import dev.perfgate.gate.EnvironmentGuard;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.gate.Status;
import dev.perfgate.gate.Units;
import dev.perfgate.gate.Verdict;
import dev.perfgate.result.RequestStats;
import dev.perfgate.result.RunResult;
import java.util.List;

/**
 * target/perfgate/result.md: the verification report, short enough for a pull-request comment. Title and verdict,
 * before/after figures per request, one line per gate check, the environment.
 */
public final class ResultMarkdown {
    private ResultMarkdown() {
    }

    public static String render(Comparison comparison) {
        RunResult run = comparison.run();
        RunResult baseline = comparison.baseline();
        Verdict verdict = comparison.verdict();
        StringBuilder md = new StringBuilder();
        int checks = verdict.outcomes().size();
        long failed = verdict.count(Status.FAIL);
        long skipped = verdict.count(Status.SKIPPED);
        long inconclusive = verdict.count(Status.INCONCLUSIVE);
        md.append("## perfgate: ").append(verdict.passed() ? "✅ passed" : "❌ failed").append("\n\n");

        StringBuilder summary = new StringBuilder();
        if (!verdict.runProblems().isEmpty()) {
            summary.append("The measurement itself is not valid. ");
        }
        long passedChecks = verdict.outcomes().stream().filter(o -> o.status() == Status.PASS).count();
        if (checks == 0) {
            summary.append("No gates are configured");
        } else {
            summary.append(checks).append(checks == 1 ? " gate check: " : " gate checks: ").append(passedChecks)
                    .append(" passed, ").append(failed).append(" failed");
            if (inconclusive > 0) {
                summary.append(", ").append(inconclusive).append(" inconclusive")
                        .append(verdict.failOnInconclusive() ? " (failing the build)" : "");
            }
            if (skipped > 0) {
                summary.append(", ").append(skipped).append(" skipped");
            }
        }
        summary.append(". ").append(capitalize(Figures.load(run.load()))).append(". ");
        if (baseline != null) {
            summary.append("Compared with the baseline of ").append(date(baseline.createdAt())).append(" (commit `")
                    .append(Figures.shortCommit(baseline.gitCommit())).append("`).");
        } else {
            summary.append("No baseline to compare with.");
        }
        md.append(summary).append("\n\n");

        boolean b = baseline != null;
        String latency = Figures.closed(run) ? " (closed model: service time, not corrected)" : "";
        md.append("| Request | p50 (ms) | p95 (ms) | p99 (ms) | Throughput (/s) | Errors |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (Figures.Row row : Figures.rows(run)) {
            RequestStats after = row.stats();
            RequestStats before = b ? Figures.stats(baseline, row.name()) : null;
            if (before != null && before.count() == 0) {
                before = null;
            }
            String label = row.name() == null ? "**" + row.label() + "**" : "`" + cellText(row.label()) + "`";
            md.append("| ").append(label)
                    .append(" | ").append(latency(before == null ? null : before.corrected().p50(),
                            after.corrected().p50()))
                    .append(" | ").append(latency(before == null ? null : before.corrected().p95(),
                            after.corrected().p95()))
                    .append(" | ").append(latency(before == null ? null : before.corrected().p99(),
                            after.corrected().p99()))
                    .append(" | ").append(change(before == null ? null : Figures.throughput(before.throughput()),
                            Figures.throughput(after.throughput()),
                            before == null ? null : Units.signedChange(after.throughput(), before.throughput())))
                    .append(" | ").append(errors(before, after)).append(" |\n");
        }
        md.append("\n");
        if (b) {
            md.append("Cells read *before → after (change)*; latency is ")
                    .append(latency.isEmpty() ? "corrected for coordinated omission" : "service time" + latency)
                    .append(".\n\n");
        } else if (!latency.isEmpty()) {
            md.append("Latency is service time").append(latency).append(".\n\n");
        }

        md.append("### Gates\n\n");
        for (GateOutcome p : verdict.runProblems()) {
            md.append("- ❌ **").append(p.category().id()).append("**: ").append(p.message()).append('\n');
        }
        for (GateOutcome o : verdict.outcomes()) {
            md.append("- ").append(icon(o.status())).append(' ').append(o.message()).append('\n');
        }
        if (verdict.outcomes().isEmpty() && verdict.runProblems().isEmpty()) {
            md.append("- no gates configured\n");
        }
        for (String w : verdict.runWarnings()) {
            md.append("- ⚠️ ").append(w).append('\n');
        }
        md.append('\n');
        md.append(RelativeTable.markdown(verdict));
        md.append(RootCauseMarkdown.render(comparison));
        md.append(ProfileMarkdown.render(run));

        md.append("<sub>").append(Figures.environment(run.environment())).append(" · ").append(Figures.jfr(run.jfr()))
                .append(" · commit `").append(Figures.shortCommit(run.gitCommit())).append("` · perfgate ")
                .append(run.pluginVersion()).append("</sub>\n");
        if (b) {
            List<String> diff = EnvironmentGuard.differences(baseline, run);
            if (!diff.isEmpty()) {
                md.append("\n⚠️ The baseline was measured in another environment (").append(String.join("; ", diff))
                        .append("); differences may come from the machine, not the code.\n");
            }
        }
        return md.toString();
    }

    private static String latency(Double before, double after) {
        return change(before == null ? null : Figures.ms(before), Figures.ms(after),
                before == null ? null : Units.signedChange(after, before));
    }

    private static String change(String before, String after, String change) {
        if (before == null) {
            return after;
        }
        return before + " → " + after + " (" + change + ")";
    }

    private static String errors(RequestStats before, RequestStats after) {
        String now = after.errors() + (after.errors() > 0 ? " (" + Figures.errorRate(after.errorRate()) + ")" : "");
        if (before == null) {
            return now;
        }
        return before.errors() + " → " + now;
    }

    private static String icon(Status status) {
        return switch (status) {
            case PASS -> "✅";
            case FAIL -> "❌";
            case INCONCLUSIVE -> "❔";
            case SKIPPED -> "⚠️";
        };
    }

    static String cellText(String s) {
        return s.replace("|", "\\|").replace("`", "'");
    }

    static String date(String instant) {
        if (instant == null) {
            return "unknown date";
        }
        return instant.length() >= 10 ? instant.substring(0, 10) : instant;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
