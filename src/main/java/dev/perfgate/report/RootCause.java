package dev.perfgate.report;

import dev.perfgate.profile.ProfileDiff;
import dev.perfgate.run.JfrInfo;
import dev.perfgate.run.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The root-cause candidates of a comparison (see {@link ProfileDiff}): methods, allocations, lock and I/O sites and
 * GC whose share moved significantly between the baseline's profile and this run's, one entry per name, what got
 * hotter first.
 */
public final class RootCause {
    static final int SHOWN = 5;
    private static final int TABLE_ROWS = 20;

    private RootCause() {
    }

    /**
     * The top candidates for the console and the failure message: only what got hotter, since a regression is
     * explained by what the run spends more on; what got cooler stays in result.md and result.json.
     */
    public static List<ProfileDiff.Finding> candidates(RunResult run, RunResult baseline) {
        return all(run, baseline).stream().filter(f -> f.z() > 0).limit(SHOWN).toList();
    }

    /**
     * Every candidate. Empty when either side has no profile summary (JFR off, or a baseline recorded before
     * summaries existed) or the two were recorded with different JFR settings: other sampling periods and
     * thresholds change the counts, so a difference would be the settings', not the code's.
     */
    public static List<ProfileDiff.Finding> all(RunResult run, RunResult baseline) {
        if (!comparable(run, baseline)) {
            return List.of();
        }
        return ProfileDiff.distinctMethods(ProfileDiff.compare(baseline.profile(), run.profile()));
    }

    static boolean comparable(RunResult run, RunResult baseline) {
        return run != null && baseline != null && run.profile() != null && baseline.profile() != null
                && sameSettings(run.jfr(), baseline.jfr());
    }

    private static boolean sameSettings(JfrInfo a, JfrInfo b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.enabled() == b.enabled() && Objects.equals(a.settings(), b.settings())
                && Objects.equals(a.options(), b.options());
    }

    static String markdown(RunResult run, RunResult baseline) {
        if (run != null && baseline != null && run.profile() != null && baseline.profile() != null
                && !comparable(run, baseline)) {
            return "### Root-cause candidates\n\nThe profiles were not compared: the baseline and this run were "
                    + "recorded with different JFR settings.\n\n";
        }
        List<ProfileDiff.Finding> findings = all(run, baseline);
        if (findings.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("### Root-cause candidates\n\n");
        md.append("What took a share of the CPU samples, the allocated bytes or the request time that changed by more "
                + "than 1 point with |z| > 3, baseline → this run (two-proportion test on CPU and allocation samples; "
                + "rate test per request on waits and collections).\n\n");
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
