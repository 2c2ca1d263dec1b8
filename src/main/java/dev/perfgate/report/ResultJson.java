package dev.perfgate.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.perfgate.gate.Gate;
import dev.perfgate.gate.GateOutcome;
import dev.perfgate.gate.Verdict;
import dev.perfgate.run.RunJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * target/perfgate/result.json: the verdict for machines (CI annotations, dashboards). Values are in the metric's
 * unit, named by {@code unit}: "ms" for latency, "/s" for throughput, "fraction" for error rate.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param passed        false when any gate check failed or the run has a problem
 * @param gates         one entry per check of each gate, in gate order
 * @param runProblems   problems of the run as a whole (each one fails the build)
 * @param warnings      skipped checks
 */
public record ResultJson(int schemaVersion, boolean passed, List<GateEntry> gates, List<Problem> runProblems,
        List<String> warnings) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * @param index         1-based gate number in the pom
     * @param description   "p99 of GET /search"
     * @param request       request name, absent for all requests
     * @param metric        canonical metric name
     * @param status        "pass", "fail" or "skipped"
     * @param category      "threshold", "regression", "improvement-not-met", "no-data", "broken-measurement",
     *                      "missing-baseline" or "incomparable-baseline"
     * @param value         measured value, when there is one
     * @param unit          unit of value and baselineValue
     * @param limit         the limit checked, as text ("max 250 ms")
     * @param baselineValue the baseline's value, when compared
     * @param message       the one-line verdict
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GateEntry(int index, String description, String request, String metric, String status,
            String category, Double value, String unit, String limit, Double baselineValue, String message) {
    }

    /**
     * @param category "no-data" or "broken-measurement"
     * @param message  the one-line problem
     */
    public record Problem(String category, String message) {
    }

    public static ResultJson of(Verdict verdict) {
        List<GateEntry> gates = verdict.outcomes().stream().map(ResultJson::entry).toList();
        List<Problem> problems = verdict.runProblems().stream()
                .map(o -> new Problem(o.category().id(), o.message())).toList();
        return new ResultJson(SCHEMA_VERSION, verdict.passed(), gates, problems, verdict.warnings());
    }

    private static GateEntry entry(GateOutcome o) {
        Gate g = o.gate();
        String unit = g.metric().isLatency() ? "ms"
                : g.metric().kind() == dev.perfgate.gate.Metric.Kind.THROUGHPUT ? "/s" : "fraction";
        return new GateEntry(g.index(), g.describe(), g.request(), g.metric().name(),
                o.status().name().toLowerCase(Locale.ROOT), o.category().id(), o.value(), unit, o.limit(),
                o.baselineValue(), o.message());
    }

    public String toJson() {
        return RunJson.toJson(this);
    }

    public void write(Path file) throws IOException {
        RunJson.writeAtomically(file, toJson());
    }
}
