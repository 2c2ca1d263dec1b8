package dev.perfgate.report;

import static dev.perfgate.testing.ReportInputs.write;
import static dev.perfgate.testing.TestRuns.constant;
import static dev.perfgate.testing.TestRuns.req;
import static dev.perfgate.testing.TestRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialects;
import dev.perfgate.check.NoVerdict;
import dev.perfgate.gate.BaselineState;
import dev.perfgate.gate.Category;
import dev.perfgate.gate.DecisionSettings;
import dev.perfgate.gate.EnvironmentPolicy;
import dev.perfgate.gate.FailureCategory;
import dev.perfgate.gate.GateEvaluator;
import dev.perfgate.gate.GateSpec;
import dev.perfgate.gate.Gates;
import dev.perfgate.gate.InconclusivePolicy;
import dev.perfgate.gate.Status;
import dev.perfgate.gate.Verdict;
import dev.perfgate.profile.ProfileDiff;
import dev.perfgate.profile.ProfileSummary;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * result.json is a published contract: what {@link ResultJson} writes for every kind of verdict must validate against
 * docs/result-schema.json, and the schema must reject what breaks the contract.
 */
class ResultJsonSchemaTest {
    private static final String SEARCH = "GET /search";
    private static final String CART = "POST /cart";
    private static final String CMD = "mvn package perfgate:baseline";
    private static final Path SCHEMA_FILE = Path.of("docs", "result-schema.json");
    private static final long[] BASE = {10_000, 10_100, 9_900, 10_050, 9_950, 10_020};

    private static Schema schema;
    private static JsonNode schemaTree;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() throws Exception {
        String text = Files.readString(SCHEMA_FILE);
        schemaTree = RunJson.mapper().readTree(text);
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text);
    }

    // ---- the schema itself ----------------------------------------------------------------------------------

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        Schema meta = SchemaRegistry.withDialect(Dialects.getDraft202012())
                .getSchema(SchemaLocation.of(Dialects.getDraft202012().getId()));
        assertThat(meta.validate(schemaTree.toString(), InputFormat.JSON)).isEmpty();
        assertThat(schemaTree.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schemaTree.at("/properties/schemaVersion/const").asInt()).isEqualTo(ResultJson.SCHEMA_VERSION);
    }

    @Test
    void theSchemasEnumsNameEveryValueTheCodeHas() {
        assertThat(enumOf("/$defs/failureCategory/enum")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(FailureCategory.values()).map(FailureCategory::id).toList());
        List<String> gateCategories = new ArrayList<>(Arrays.stream(Category.values()).map(Category::id).toList());
        gateCategories.remove(Category.INFRASTRUCTURE.id()); // only a goal that stopped writes it, as a run problem
        assertThat(enumOf("/$defs/gateEntry/properties/category/enum"))
                .containsExactlyInAnyOrderElementsOf(gateCategories);
        assertThat(enumOf("/$defs/gateEntry/properties/status/enum")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Status.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
        assertThat(enumOf("/$defs/rootCauseEntry/properties/kind/enum")).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ProfileDiff.Kind.values()).map(ProfileDiff.Kind::id).toList());
        // every failure category is also some entry's category, so that CI can find the entries behind it
        List<String> entryCategories = new ArrayList<>(gateCategories);
        entryCategories.addAll(enumOf("/$defs/problem/properties/category/enum"));
        entryCategories.add(FailureCategory.INCONCLUSIVE.id());
        assertThat(entryCategories).containsAll(enumOf("/$defs/failureCategory/enum"));
    }

    // ---- what ResultJson writes validates -------------------------------------------------------------------

    @Test
    void passingChecks() throws Exception {
        Verdict v = evaluate(searchRun(BASE), searchRun(BASE), BaselineState.PRESENT, DecisionSettings.DEFAULT,
                new GateSpec(SEARCH, "p99", "250ms", null, "10%", null),
                new GateSpec(null, "errorRate", "1%", null, null, null),
                new GateSpec(null, "throughput", null, "5/s", null, null));
        JsonNode json = valid(write(dir, searchRun(BASE), searchRun(BASE), v).json());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("failureCategories")).isEmpty();
        assertThat(json.get("gates")).hasSize(4).allSatisfy(g -> assertThat(g.has("failureCategory")).isFalse());
        assertThat(json.at("/gates/1/statistics/finding").asText()).isEqualTo("within the margin");
        assertThat(json.at("/gates/2/unit").asText()).isEqualTo("fraction");
        assertThat(json.at("/gates/3/unit").asText()).isEqualTo("/s");
    }

    @Test
    void failingChecksOfEveryKindAreNamed() throws Exception {
        RunResult slower = searchRun(times(1.3, BASE));
        Verdict v = evaluate(slower, searchRun(BASE), BaselineState.PRESENT, DecisionSettings.DEFAULT,
                new GateSpec(SEARCH, "p99", "5ms", null, null, null),
                new GateSpec(null, "p95", null, null, "10%", null),
                new GateSpec(SEARCH, "p50", null, null, null, "10%"));
        JsonNode json = valid(ResultJson.of(v).toJson());
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(texts(json.get("failureCategories")))
                .containsExactly("threshold", "regression", "improvement-not-met");
        assertThat(json.at("/gates/0/failureCategory").asText()).isEqualTo("threshold");
        assertThat(json.at("/gates/1/failureCategory").asText()).isEqualTo("regression");
        assertThat(json.at("/gates/1/statistics/finding").asText()).isEqualTo("beyond the margin");
        assertThat(json.at("/gates/2/failureCategory").asText()).isEqualTo("improvement-not-met");
    }

    @Test
    void inconclusiveWarnsOrFailsUnderItsOwnCategory() throws Exception {
        RunResult close = searchRun(times(1.1, BASE));
        GateSpec regression = new GateSpec(null, "p95", null, null, "10%", null);
        Verdict warn = evaluate(close, searchRun(BASE), BaselineState.PRESENT, DecisionSettings.DEFAULT,
                regression);
        JsonNode warned = valid(ResultJson.of(warn).toJson());
        assertThat(warned.at("/gates/0/status").asText()).isEqualTo("inconclusive");
        assertThat(warned.at("/gates/0/category").asText()).isEqualTo("regression");
        assertThat(warned.at("/gates/0").has("failureCategory")).isFalse();
        assertThat(warned.at("/gates/0/statistics/inconclusiveReason").asText()).isNotEmpty();
        assertThat(warned.get("passed").asBoolean()).isTrue();
        assertThat(warned.get("warnings")).hasSize(1);

        Verdict fail = evaluate(close, searchRun(BASE), BaselineState.PRESENT, new DecisionSettings(0.01, 0.05, 1,
                InconclusivePolicy.FAIL, EnvironmentPolicy.SKIP), regression);
        JsonNode failed = valid(ResultJson.of(fail).toJson());
        assertThat(failed.get("passed").asBoolean()).isFalse();
        assertThat(texts(failed.get("failureCategories"))).containsExactly("inconclusive");
        assertThat(failed.at("/gates/0/category").asText()).isEqualTo("regression");
        assertThat(failed.at("/gates/0/failureCategory").asText()).isEqualTo("inconclusive");
    }

    @Test
    void missingBaselineFailsOrIsSkipped() throws Exception {
        GateSpec[] gates = {new GateSpec(SEARCH, "p99", "1s", null, "10%", null)};
        JsonNode failed = valid(ResultJson.of(evaluate(searchRun(BASE), null, BaselineState.MISSING_FAIL,
                DecisionSettings.DEFAULT, gates)).toJson());
        assertThat(texts(failed.get("failureCategories"))).containsExactly("missing-baseline");
        assertThat(failed.at("/gates/1/category").asText()).isEqualTo("missing-baseline");
        assertThat(failed.at("/gates/1").has("baselineValue")).isFalse();

        JsonNode skipped = valid(ResultJson.of(evaluate(searchRun(BASE), null, BaselineState.MISSING_SKIP,
                DecisionSettings.DEFAULT, gates)).toJson());
        assertThat(skipped.get("passed").asBoolean()).isTrue();
        assertThat(skipped.at("/gates/1/status").asText()).isEqualTo("skipped");
    }

    @Test
    void anotherEnvironmentIsSkippedOrFails() throws Exception {
        RunResult elsewhere = run().cores(8).trials(6, SEARCH, req(constant(100, 10_000))).build();
        GateSpec regression = new GateSpec(null, "p95", null, null, "10%", null);
        JsonNode skipped = valid(ResultJson.of(evaluate(searchRun(BASE), elsewhere, BaselineState.PRESENT,
                DecisionSettings.DEFAULT, regression)).toJson());
        assertThat(skipped.at("/gates/0/category").asText()).isEqualTo("environment-mismatch");
        assertThat(skipped.at("/gates/0/status").asText()).isEqualTo("skipped");
        JsonNode failed = valid(ResultJson.of(evaluate(searchRun(BASE), elsewhere, BaselineState.PRESENT,
                new DecisionSettings(0.01, 0.05, 1, InconclusivePolicy.WARN, EnvironmentPolicy.FAIL), regression))
                .toJson());
        assertThat(texts(failed.get("failureCategories"))).containsExactly("environment-mismatch");
    }

    @Test
    void runProblemsComeFirst() throws Exception {
        RunResult flagged = run().trials(2, SEARCH, req(constant(100, 1_000)))
                .flag("trial 1: the load generator lagged (send lag p99 120 ms)").build();
        Verdict v = evaluate(flagged, null, BaselineState.MISSING_SKIP, DecisionSettings.DEFAULT,
                new GateSpec(null, "p99", "0.5ms", null, null, null));
        JsonNode json = valid(ResultJson.of(v).toJson());
        assertThat(json.at("/runProblems/0/category").asText()).isEqualTo("broken-measurement");
        assertThat(texts(json.get("failureCategories"))).startsWith("broken-measurement").contains("threshold");

        RunResult empty = run().trials(1, SEARCH, req(new long[0])).build();
        JsonNode noData = valid(ResultJson.of(evaluate(empty, null, BaselineState.MISSING_FAIL,
                DecisionSettings.DEFAULT, new GateSpec(SEARCH, "p99", "1s", null, null, null))).toJson());
        assertThat(noData.at("/runProblems/0/category").asText()).isEqualTo("no-data");
        assertThat(texts(noData.get("failureCategories"))).startsWith("no-data");
    }

    @Test
    void rootCauseEntries() throws Exception {
        var gc = new ProfileSummary.Gc(0, 0, 0, List.of());
        RunResult slower = searchRun(times(1.3, BASE)).withProfile(profile(410, gc));
        RunResult base = searchRun(BASE).withProfile(profile(30, gc));
        Verdict v = evaluate(slower, base, BaselineState.PRESENT, DecisionSettings.DEFAULT,
                new GateSpec(null, "p95", null, null, "10%", null));
        JsonNode json = valid(write(dir, slower, base, v).json());
        assertThat(json.get("rootCause")).isNotEmpty();
        assertThat(json.at("/rootCause/0/kind").asText()).isEqualTo("self-time");
        assertThat(json.at("/rootCause/0/shareOf").asText()).isEqualTo("CPU samples");
    }

    @Test
    void aGoalThatStoppedBeforeAVerdict() throws Exception {
        Reports.writeNoVerdict(dir, new NoVerdict(Category.INFRASTRUCTURE, "the service did not get ready within "
                + "5 s; see target/perfgate/service.log", List.of()));
        JsonNode json = valid(dir.resolve(Reports.RESULT_JSON));
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(texts(json.get("failureCategories"))).containsExactly("infrastructure");
        assertThat(json.get("gates")).isEmpty();
        assertThat(json.at("/runProblems/0/message").asText()).isEqualTo("the service did not get ready within 5 s; "
                + "see target/perfgate/service.log");
        assertThat(Files.readString(dir.resolve(Reports.RESULT_MARKDOWN))).contains("no verdict")
                .contains("**infrastructure**: the service did not get ready");
        for (Category c : List.of(Category.NO_DATA, Category.INCOMPARABLE_BASELINE)) {
            assertThat(texts(valid(ResultJson.noVerdict(c, "x").toJson()).get("failureCategories")))
                    .containsExactly(c.id());
        }
    }

    // ---- and the schema bites -------------------------------------------------------------------------------

    @Test
    void documentsThatBreakTheContractAreRejected() throws Exception {
        String failing = ResultJson.of(evaluate(searchRun(times(1.3, BASE)), searchRun(BASE), BaselineState.PRESENT,
                DecisionSettings.DEFAULT, new GateSpec(null, "p95", "5ms", null, "10%", null))).toJson();
        assertThat(errors(failing)).isEmpty();
        assertThat(errors(edit(failing, t -> t.remove("passed")))).anySatisfy(e -> assertThat(e).contains("passed"));
        assertThat(errors(edit(failing, t -> t.remove("failureCategories")))).isNotEmpty();
        assertThat(errors(edit(failing, t -> ((ObjectNode) t.get("gates").get(0)).remove("status"))))
                .anySatisfy(e -> assertThat(e).contains("status"));
        assertThat(errors(edit(failing, t -> ((ObjectNode) t.get("gates").get(0)).remove("failureCategory"))))
                .isNotEmpty();
        assertThat(errors(edit(failing, t -> ((ObjectNode) t.get("gates").get(0)).put("category", "slow"))))
                .isNotEmpty();
        assertThat(errors(edit(failing, t -> ((ObjectNode) t.get("gates").get(0)).put("unit", "seconds"))))
                .isNotEmpty();
        assertThat(errors(edit(failing, t -> t.put("schemaVersion", 2)))).isNotEmpty();
        assertThat(errors(edit(failing, t -> t.put("surprise", true)))).isNotEmpty();
        // passed and failureCategories must agree
        assertThat(errors(edit(failing, t -> t.put("passed", true)))).isNotEmpty();
        assertThat(errors(edit(failing, t -> ((ArrayNode) t.get("failureCategories")).removeAll()))).isNotEmpty();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Verdict evaluate(RunResult run, RunResult baseline, BaselineState state,
            DecisionSettings settings, GateSpec... specs) throws Exception {
        return GateEvaluator.evaluate(Gates.parse(List.of(specs), Set.of(SEARCH, CART)), run, baseline, state,
                CMD, settings);
    }

    private static RunResult searchRun(long... micros) {
        TestRuns r = run();
        for (long m : micros) {
            r.trial(Map.of(SEARCH, req(constant(100, m))));
        }
        return r.build();
    }

    private static long[] times(double factor, long[] micros) {
        return Arrays.stream(micros).map(m -> Math.round(m * factor)).toArray();
    }

    private static ProfileSummary profile(long hotSamples, ProfileSummary.Gc gc) {
        return new ProfileSummary(1, 2, 1, 1000, 0, List.of(new ProfileSummary.Count("com.acme.Search.findAll",
                hotSamples)), null, null, 0, 0, null, null, gc, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    private List<String> enumOf(String pointer) {
        return texts(schemaTree.at(pointer));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> errors(String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    private static JsonNode valid(String json) throws Exception {
        assertThat(errors(json)).as("result.json against docs/result-schema.json:%n%s", json).isEmpty();
        return RunJson.mapper().readTree(json);
    }

    private static JsonNode valid(Path file) throws Exception {
        return valid(Files.readString(file));
    }

    private static String edit(String json, Consumer<ObjectNode> change) throws Exception {
        ObjectNode tree = (ObjectNode) RunJson.mapper().readTree(json);
        change.accept(tree);
        return tree.toString();
    }
}
