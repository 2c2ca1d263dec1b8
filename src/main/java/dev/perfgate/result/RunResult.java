package dev.perfgate.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.perfgate.profile.ProfileSummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one measurement produced: the content of target/perfgate/run.json and, with local file names
 * removed, of the committed baseline file. See docs/run-schema.md.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}; readers refuse other versions rather than guess
 * @param kind          "run" or "baseline"
 * @param pluginVersion the perfgate version that measured it
 * @param createdAt     ISO-8601 instant of the end of the measurement
 * @param gitCommit     HEAD of the project's repository when known
 * @param environment   machine and JVM
 * @param load          what was sent
 * @param jfr           whether and how the service was profiled
 * @param trials        the measured trials, in order
 * @param overall       all requests over all trials (merged histograms)
 * @param requests      each request name over all trials (merged histograms)
 * @param flags         reasons the whole run is not a valid measurement (trial flags included)
 * @param profile       what the service's JFR recording says about the measured windows of all trials, or null
 *                      (no JFR, or it could not be read)
 * @param pairing       how the run was interleaved with the baseline version's (trial i with trial i), or null for
 *                      a run measured alone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResult(int schemaVersion, String kind, String pluginVersion, String createdAt, String gitCommit,
        EnvironmentFingerprint environment, LoadInfo load, JfrInfo jfr, List<TrialResult> trials,
        MergedResult overall, Map<String, MergedResult> requests, List<String> flags, ProfileSummary profile,
        Pairing pairing) {

    public static final int SCHEMA_VERSION = 1;
    /** Histogram key of all requests together in {@link TrialResult#histograms()}. */
    public static final String ALL = "*";

    /** A run measured alone. */
    public RunResult(int schemaVersion, String kind, String pluginVersion, String createdAt, String gitCommit,
            EnvironmentFingerprint environment, LoadInfo load, JfrInfo jfr, List<TrialResult> trials,
            MergedResult overall, Map<String, MergedResult> requests, List<String> flags, ProfileSummary profile) {
        this(schemaVersion, kind, pluginVersion, createdAt, gitCommit, environment, load, jfr, trials, overall,
                requests, flags, profile, null);
    }

    /** A run without a profile summary. */
    public RunResult(int schemaVersion, String kind, String pluginVersion, String createdAt, String gitCommit,
            EnvironmentFingerprint environment, LoadInfo load, JfrInfo jfr, List<TrialResult> trials,
            MergedResult overall, Map<String, MergedResult> requests, List<String> flags) {
        this(schemaVersion, kind, pluginVersion, createdAt, gitCommit, environment, load, jfr, trials, overall,
                requests, flags, null);
    }

    public RunResult {
        trials = trials == null ? List.of() : List.copyOf(trials);
        requests = requests == null ? Map.of() : new TreeMap<>(requests);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public boolean flagged() {
        return !flags.isEmpty();
    }

    /** This run as a baseline: same numbers, without paths that only exist in one build directory. */
    public RunResult asBaseline() {
        return new RunResult(schemaVersion, "baseline", pluginVersion, createdAt, gitCommit, environment, load, jfr,
                trials.stream().map(TrialResult::withoutLocalFiles).toList(), overall, requests, flags, profile,
                pairing == null ? null : new Pairing(null, pairing.baselineVersion(), pairing.order(), pairing.seed()));
    }

    public RunResult withProfile(ProfileSummary summary) {
        return new RunResult(schemaVersion, kind, pluginVersion, createdAt, gitCommit, environment, load, jfr, trials,
                overall, requests, flags, summary, pairing);
    }

    public RunResult withPairing(Pairing paired) {
        return new RunResult(schemaVersion, kind, pluginVersion, createdAt, gitCommit, environment, load, jfr, trials,
                overall, requests, flags, profile, paired);
    }

    /** The same measurement under another commit: the baseline version's run records the version it measured. */
    public RunResult withGitCommit(String commit) {
        return new RunResult(schemaVersion, kind, pluginVersion, createdAt, commit, environment, load, jfr, trials,
                overall, requests, flags, profile, pairing);
    }
}
