package dev.perfgate.report;

import dev.perfgate.profile.ProfileDiff;
import dev.perfgate.run.RunResult;
import java.util.List;
import java.util.Locale;

/**
 * The root-cause candidates of a comparison: methods whose share of the CPU samples moved significantly between
 * the baseline's profile and this run's (see {@link ProfileDiff}), one entry per method, hotter ones first.
 */
public final class RootCause {
    static final int SHOWN = 5;

    private RootCause() {
    }

    /** Empty when either side has no profile summary (JFR off, or a baseline recorded before summaries existed). */
    public static List<ProfileDiff.Finding> candidates(RunResult run, RunResult baseline) {
        if (run == null || baseline == null || run.profile() == null || baseline.profile() == null) {
            return List.of();
        }
        return ProfileDiff.distinctMethods(ProfileDiff.compare(baseline.profile(), run.profile())).stream()
                .limit(SHOWN).toList();
    }

    static String markdown(RunResult run, RunResult baseline) {
        List<ProfileDiff.Finding> findings = candidates(run, baseline);
        if (findings.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("### Root-cause candidates\n\n");
        md.append("Methods whose share of the CPU samples changed by more than 1 point with |z| > 3 (two-proportion "
                + "test on the sample counts), baseline → this run.\n\n");
        md.append("| Method | Time | Baseline | This run | Samples | z |\n|---|---|---:|---:|---:|---:|\n");
        for (ProfileDiff.Finding f : findings) {
            md.append(String.format(Locale.ROOT, "| `%s` | %s | %.1f %% | %.1f %% | %d → %d | %.1f |%n",
                    ResultMarkdown.cellText(f.name()), f.kind(), 100 * f.baselineShare(), 100 * f.share(),
                    f.baselineCount(), f.count(), f.z()));
        }
        return md.append('\n').toString();
    }
}
