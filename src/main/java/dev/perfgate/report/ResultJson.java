package dev.perfgate.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.perfgate.check.Comparison;
import dev.perfgate.gate.Category;
import dev.perfgate.gate.FailureCategory;
import dev.perfgate.gate.Gate;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.gate.RelativeStats;
import dev.perfgate.gate.Verdict;
import dev.perfgate.profile.ProfileDiff;
import dev.perfgate.result.RunJson;
import dev.perfgate.stats.RatioEvidence;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * target/perfgate/result.json: the verdict for machines (CI annotations, dashboards). A published contract:
 * docs/result-schema.json describes every field, and a test validates what this class writes against it. Values
 * are in the metric's unit, named by {@code unit}: "ms" for latency, "/s" for throughput, "fraction" for error rate.
 *
 * @param schemaVersion     {@link #SCHEMA_VERSION}
 * @param passed            false when any gate check failed or the run has a problem
 * @param failureCategories the distinct kinds of failure ({@link FailureCategory} ids), in the order of the
 *                          failures: run problems first, then gate checks; empty when passed
 * @param gates             one entry per check of each gate, in gate order
 * @param runProblems   problems of the run as a whole (each one fails the build)
 * @param warnings      environment warnings, skipped checks, and inconclusive checks that did not fail the build
 * @param rootCause     what changed between the baseline's profile and this run's, most significant first; empty
 *                      without two comparable profiles
 */
public record ResultJson(int schemaVersion, boolean passed, List<String> failureCategories, List<GateEntry> gates,
        List<Problem> runProblems, List<String> warnings, List<RootCauseEntry> rootCause) {

    /**
     * Raised whenever the shape changes (a field or an enum value added, removed or renamed), together with
     * docs/result-schema.json. 3: failureCategories, gates[].failureCategory, category infrastructure.
     */
    public static final int SCHEMA_VERSION = 3;

    /**
     * @param index         1-based gate number in the pom
     * @param description   "p99 of GET /search"
     * @param request       request name, absent for all requests
     * @param metric        canonical metric name
     * @param status        "pass", "fail", "inconclusive" or "skipped"
     * @param category      "threshold", "regression", "improvement-not-met", "no-data", "broken-measurement",
     *                      "missing-baseline", "incomparable-baseline" or "environment-mismatch"
     * @param failureCategory only when this check fails the build: its category, or "inconclusive" for an
     *                      inconclusive check under inconclusive=fail
     * @param value         measured value, when there is one
     * @param unit          unit of value and baselineValue
     * @param limit         the limit checked, as text ("max 250 ms")
     * @param baselineValue the baseline's value, when compared
     * @param message       the one-line verdict
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GateEntry(int index, String description, String request, String metric, String status,
            String category, String failureCategory, Double value, String unit, String limit, Double baselineValue,
            String message, Statistics statistics) {
    }

    /**
     * The evidence of a tested relative check. Ratios are this run / baseline.
     *
     * @param ratio              ratio of the medians of per-trial values
     * @param intervalLow        lower end of the ratio's interval (0: not bounded by these trials)
     * @param intervalHigh       upper end (absent: not bounded by these trials)
     * @param confidence         the interval's two-sided confidence (1 − 2α)
     * @param bound              the ratio the check tested against (1.10 for a 10 % maximum regression)
     * @param pValue             the p-value that decided: the failing side's for fail, the passing side's for pass,
     *                           the smaller one for inconclusive
     * @param pWorse             one-sided p-value of "worse than the bound"
     * @param pBetter            one-sided p-value of "better than the bound"
     * @param alpha              the level pWorse was tested at (after Holm and looks)
     * @param trials             trials of this run
     * @param baselineTrials     trials of the baseline
     * @param spread             trial-to-trial spread (pooled sd of log values, as a fraction)
     * @param noisy              spread above a third of the margin
     * @param inconclusiveReason too-few-trials, too-noisy or near-margin
     * @param finding            the verdict in words
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Statistics(double ratio, double intervalLow, Double intervalHigh, double confidence, double bound,
            double pValue, double pWorse, double pBetter, double alpha, int trials, int baselineTrials,
            Double spread, boolean noisy, String inconclusiveReason, String finding) {

        static Statistics of(GateOutcome o) {
            RelativeStats s = o.statistics();
            if (s == null) {
                return null;
            }
            RatioEvidence e = s.evidence();
            return new Statistics(e.ratio(), e.low(), Double.isInfinite(e.high()) ? null : e.high(), e.confidence(),
                    e.bound(), s.decidingP(o.status()), s.pWorse(), s.pBetter(), s.alphaFail(),
                    e.candidateTrials(), e.baselineTrials(), Double.isFinite(e.spread()) ? e.spread() : null,
                    s.noisy(), s.inconclusiveReason(), s.finding());
        }
    }

    /**
     * @param category "no-data", "broken-measurement", "incomparable-baseline" (an unreadable baseline) or
     *                 "infrastructure" (no gate was evaluated: see {@link #noVerdict})
     * @param message  the one-line problem
     */
    public record Problem(String category, String message) {
    }

    /**
     * A root-cause candidate.
     *
     * @param kind          "self-time", "total-time", "allocated-class", "allocation-site", "monitor-class",
     *                      "monitor-site", "park-class", "park-site", "io" or "gc"
     * @param name          the method, class or site
     * @param shareOf       what the shares are of: "CPU samples", "allocated bytes", "request time", "time" (GC
     *                      pauses) or "wall time"
     * @param baselineShare the baseline's share, a fraction
     * @param share         this run's share
     * @param baselineCount the events the baseline's share rests on
     * @param count         the events this run's share rests on
     * @param z             signed z of the test: positive when this run spends more there
     * @param description   the finding in words, as printed on the console
     */
    public record RootCauseEntry(String kind, String name, String shareOf, double baselineShare, double share,
            long baselineCount, long count, double z, String description) {

        static RootCauseEntry of(ProfileDiff.Finding f) {
            return new RootCauseEntry(f.kind().id(), f.name(),
                    f.ofWallTime() ? "wall time" : f.kind().ofWhat().replaceFirst("^of (the )?", ""),
                    f.baselineShare(), f.share(), f.baselineCount(), f.count(), f.z(), f.describe());
        }
    }

    public static ResultJson of(Verdict verdict) {
        return of(verdict, List.of());
    }

    /** The verdict and the root-cause candidates of a comparison. */
    public static ResultJson of(Comparison comparison) {
        return of(comparison.verdict(), comparison.rootCause().findings());
    }

    public static ResultJson of(Verdict verdict, List<ProfileDiff.Finding> rootCause) {
        List<Problem> problems = verdict.runProblems().stream()
                .map(o -> new Problem(o.category().id(), o.message())).toList();
        List<String> failureCategories = verdict.failureCategories().stream().map(FailureCategory::id).toList();
        return new ResultJson(SCHEMA_VERSION, verdict.passed(), failureCategories,
                verdict.outcomes().stream().map(o -> entry(o, verdict.failureCategory(o))).toList(), problems,
                verdict.warnings(), rootCause.stream().map(RootCauseEntry::of).toList());
    }

    /**
     * The result of a goal that stopped before any gate was evaluated: failed, with the reason as its only run
     * problem, so that CI reading result.json sees this build's failure and never an older build's verdict.
     *
     * @param category {@link Category#INFRASTRUCTURE} when the run or check could not be carried out,
     *                 {@link Category#NO_DATA} without usable run data, {@link Category#INCOMPARABLE_BASELINE} for
     *                 an unreadable baseline
     * @param message  the one-line reason, as the build failure says it
     */
    public static ResultJson noVerdict(Category category, String message) {
        return new ResultJson(SCHEMA_VERSION, false, List.of(FailureCategory.of(category).id()), List.of(),
                List.of(new Problem(category.id(), message == null ? "" : message)), List.of(), List.of());
    }

    private static GateEntry entry(GateOutcome o, FailureCategory failure) {
        Gate g = o.gate();
        String unit = g.metric().isLatency() ? "ms"
                : g.metric().kind() == dev.perfgate.gate.Metric.Kind.THROUGHPUT ? "/s" : "fraction";
        return new GateEntry(g.index(), g.describe(), g.request(), g.metric().name(),
                o.status().name().toLowerCase(Locale.ROOT), o.category().id(), failure == null ? null : failure.id(),
                o.value(), unit, o.limit(), o.baselineValue(), o.message(), Statistics.of(o));
    }

    public String toJson() {
        return RunJson.toJson(this);
    }

    public void write(Path file) throws IOException {
        RunJson.writeAtomically(file, toJson());
    }
}
