package dev.perfgate.check;

import dev.perfgate.profile.ProfileDiff;
import dev.perfgate.result.JfrInfo;
import dev.perfgate.result.RunResult;
import java.util.List;
import java.util.Objects;

/**
 * The root-cause candidates of a comparison (see {@link ProfileDiff}): methods, allocations, lock and I/O sites and
 * GC whose share moved significantly between the baseline's profile and this run's, one entry per name, what got
 * hotter first. Computed once per comparison; every report shows these same findings.
 *
 * @param findings every candidate; empty when the profiles were not compared
 * @param compared whether both sides have a profile summary recorded with the same JFR settings
 */
public record RootCause(List<ProfileDiff.Finding> findings, boolean compared) {
    /** How many candidates the console and the failure message name. */
    public static final int SHOWN = 5;

    public static final RootCause NONE = new RootCause(List.of(), false);

    public RootCause {
        findings = List.copyOf(findings);
    }

    /**
     * The candidates between the two profiles. None when either side has no profile summary (JFR off, or a baseline
     * recorded before summaries existed) or the two were recorded with different JFR settings: other sampling
     * periods and thresholds change the counts, so a difference would be the settings', not the code's.
     */
    public static RootCause of(RunResult run, RunResult baseline) {
        if (!comparable(run, baseline)) {
            return NONE;
        }
        return new RootCause(ProfileDiff.distinctMethods(ProfileDiff.compare(baseline.profile(), run.profile())),
                true);
    }

    /**
     * The top candidates for the console and the failure message: only what got hotter, since a regression is
     * explained by what the run spends more on; what got cooler stays in result.md and result.json.
     */
    public List<ProfileDiff.Finding> hotter() {
        return findings.stream().filter(f -> f.z() > 0).limit(SHOWN).toList();
    }

    private static boolean comparable(RunResult run, RunResult baseline) {
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
}
