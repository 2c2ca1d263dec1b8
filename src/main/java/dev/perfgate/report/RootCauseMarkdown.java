package dev.perfgate.report;

import dev.perfgate.check.Comparison;
import dev.perfgate.profile.ProfileDiff;
import dev.perfgate.result.RunResult;
import java.util.List;
import java.util.Locale;

/** The root-cause section of result.md: the comparison's candidates (see {@link dev.perfgate.check.RootCause}). */
final class RootCauseMarkdown {
    private static final int TABLE_ROWS = 20;

    private RootCauseMarkdown() {
    }

    static String render(Comparison comparison) {
        RunResult run = comparison.run();
        RunResult baseline = comparison.baseline();
        if (baseline != null && run.profile() != null && baseline.profile() != null
                && !comparison.rootCause().compared()) {
            return "### Root-cause candidates\n\nThe profiles were not compared: the baseline and this run were "
                    + "recorded with different JFR settings.\n\n";
        }
        List<ProfileDiff.Finding> findings = comparison.rootCause().findings();
        if (findings.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("### Root-cause candidates\n\n");
        md.append("What took a share of the CPU samples, the allocated bytes or the request time that changed by "
                + "more than 1 point with |z| > 3, baseline → this run (two-proportion test on CPU and allocation "
                + "samples; rate test per request on waits and collections).\n\n");
        md.append("| What | Where | Baseline | This run | Share of | Events | z |\n"
                + "|---|---|---:|---:|---|---:|---:|\n");
        for (ProfileDiff.Finding f : findings.stream().limit(TABLE_ROWS).toList()) {
            md.append(String.format(Locale.ROOT, "| %s | `%s` | %.1f %% | %.1f %% | %s | %d → %d | %.1f |%n",
                    f.kind().what(), ResultMarkdown.cellText(f.name()), 100 * f.baselineShare(), 100 * f.share(),
                    f.ofWallTime() ? "wall time" : f.kind().ofWhat().replaceFirst("^of ", ""), f.baselineCount(),
                    f.count(), f.z()));
        }
        if (findings.size() > TABLE_ROWS) {
            md.append("\n").append(findings.size() - TABLE_ROWS).append(" more in result.json.\n");
        }
        return md.append('\n').toString();
    }
}
