package dev.perfgate.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.gate.DecisionSpec;
import dev.perfgate.gate.GateSpec;
import dev.perfgate.goal.MeasurementConfig.Goal;
import dev.perfgate.load.RequestDraft;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.testing.CapturedLog;
import dev.perfgate.util.BuildLog;
import dev.perfgate.util.ConfigurationException;
import dev.perfgate.version.BaselineSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The measurement's configuration rules, each checked once, all in one round, before anything runs. */
class MeasurementPlannerTest {
    private static final List<RequestDraft> SEARCH = List.of(new RequestDraft("GET /search", null, "/search",
            Map.of(), null, null, null, null, null));
    private static final String URL = "http://127.0.0.1:9/";

    @TempDir
    Path dir;

    private final CapturedLog log = new CapturedLog();

    /** The build, for a planner that needs no classpath: a baseline version is never built here. */
    private final BuildContext build = new BuildContext() {
        @Override
        public List<Path> runtimeClasspath() {
            return List.of();
        }

        @Override
        public List<Path> testClasspath() {
            return List.of();
        }

        @Override
        public List<Path> jmeterClasspath(String version, List<String> extraArtifacts) throws PlanningException {
            throw new PlanningException("no JMeter in this test");
        }

        @Override
        public BaselineSource gitBaseline(String ref) throws PlanningException {
            throw new PlanningException("no git build in this test");
        }

        @Override
        public BaselineSource artifactBaseline(String coordinates, boolean withDependencies)
                throws PlanningException {
            throw new PlanningException("no repository in this test");
        }

        @Override
        public BuildLog log() {
            return log;
        }
    };

    private MeasurementConfig config(ShapeConfig shape, JfrConfig jfr, List<GateSpec> gates, DecisionSpec decision) {
        return new MeasurementConfig(Goal.RUN, null, URL, LoadConfig.requests(SEARCH), shape, jfr, AbConfig.NONE,
                gates, decision, List.of(), dir.resolve("out"), dir.resolve("baseline.json"), dir, "1.0", "test");
    }

    @Test
    void fiveIndependentMistakesAreReportedInOneFailure() {
        ShapeConfig shape = new ShapeConfig("open", 100, "0s", "10 parsecs", "5s", 5, 3, true, 16, "10s", "10ms");
        JfrConfig jfr = new JfrConfig(true, "profile", List.of(), 4242L, "service:jmx:rmi:///jndi/rmi://h:1/jmxrmi",
                null, null);
        List<GateSpec> gates = List.of(new GateSpec("GET /search", "p99x", "250ms", null, null, null));
        DecisionSpec decision = new DecisionSpec(0.01, 0.05, "warn", "skip", "perhaps");

        assertThatThrownBy(() -> MeasurementPlanner.plan(config(shape, jfr, gates, decision), build))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).satisfiesExactly(
                        p -> assertThat(p).isEqualTo("<onMissingBaseline> is 'perhaps'; use fail or skip"),
                        p -> assertThat(p).startsWith("<duration> is '10 parsecs'"),
                        p -> assertThat(p).startsWith("gate 1 (p99x of GET /search max 250ms): unknown metric 'p99x'"),
                        p -> assertThat(p).startsWith("both jfrAttachPid (4242) and jfrJmxUrl"),
                        p -> assertThat(p).isEqualTo("maxTrials (3) is less than trials (5); set maxTrials to at "
                                + "least 5, or leave it out to run exactly the trials"),
                        p -> assertThat(p).isEqualTo("restartPerTrial is true, but no <service> is configured for "
                                + "perfgate to restart (the load goes to baseUrl " + URL + "); configure <service>, or "
                                + "set restartPerTrial to false")))
                .hasMessageStartingWith("6 configuration problems: <onMissingBaseline> is 'perhaps'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aValidConfigurationIsPlannedWithItsGatesCheckedAgainstTheRequestNames() throws Exception {
        List<GateSpec> gates = List.of(new GateSpec("GET /search", "p99", "250ms", null, null, null));

        MeasurementPlanner.Planned planned = MeasurementPlanner.plan(config(ShapeConfig.DEFAULT, JfrConfig.DEFAULT,
                gates, DecisionSpec.DEFAULT), build);

        assertThat(planned.gates()).hasSize(1);
        assertThat(planned.plan().plannedTrials()).isEqualTo(5);
        assertThat(planned.plan().maxTrials()).isEqualTo(5);
        assertThat(planned.plan().extension()).isNull();
        assertThat(planned.plan().baseUrl()).isEqualTo(URL);

        List<GateSpec> unknown = List.of(new GateSpec("GET /nothing", "p99", "250ms", null, null, null));
        assertThatThrownBy(() -> MeasurementPlanner.plan(config(ShapeConfig.DEFAULT, JfrConfig.DEFAULT, unknown,
                DecisionSpec.DEFAULT), build))
                .hasMessage("gate 1 (p99 of GET /nothing max 250ms): unknown request 'GET /nothing'; known requests: "
                        + "'GET /search' (omit <request> for all requests)");
    }

    @Test
    void extendNeedsACapAboveTheTrialsAndPlansTheCapWhenItHasOne() throws Exception {
        DecisionSpec extend = new DecisionSpec(0.01, 0.05, "extend", "skip", "fail");
        assertThatThrownBy(() -> MeasurementPlanner.plan(config(ShapeConfig.DEFAULT, JfrConfig.DEFAULT, List.of(),
                extend), build))
                .hasMessage("<inconclusive>extend</inconclusive> needs <maxTrials> above <trials> (5), e.g. "
                        + "<maxTrials>10</maxTrials>");

        ShapeConfig capped = new ShapeConfig("open", 100, "0s", "10s", "5s", 5, 8, false, 16, "10s", "10ms");
        MeasurementPlanner.Planned planned = MeasurementPlanner.plan(config(capped, JfrConfig.DEFAULT, List.of(),
                extend), build);
        assertThat(planned.plan().plannedTrials()).isEqualTo(5);
        assertThat(planned.plan().maxTrials()).isEqualTo(8);
        assertThat(planned.plan().extension()).isInstanceOf(ExtendWhileInconclusive.class);
    }

    @Test
    void theBaselineGoalMeasuresTheCapAndNeverExtends() throws Exception {
        ShapeConfig capped = new ShapeConfig("open", 100, "0s", "10s", "5s", 5, 8, false, 16, "10s", "10ms");
        MeasurementConfig run = config(capped, JfrConfig.DEFAULT, List.of(),
                new DecisionSpec(0.01, 0.05, "extend", "skip", "fail"));
        MeasurementConfig baseline = new MeasurementConfig(Goal.BASELINE, null, URL, run.load(), capped, null, null,
                List.of(), run.decision(), List.of(), run.outputDirectory(), run.baselineFile(), dir, "1.0", "test");

        MeasurementPlanner.Planned planned = MeasurementPlanner.plan(baseline, build);

        assertThat(planned.plan().plannedTrials()).isEqualTo(8);
        assertThat(planned.plan().extension()).isNull();
    }

    @Test
    void oneLoadSourceAtATimeEachConflictNamed() {
        LoadConfig both = new LoadConfig(SEARCH, dir.resolve("scenario.json"), dir.resolve("users.csv"),
                dir.resolve("locustfile.py"), null, List.of(), List.of(), Map.of(), 0, null, List.of(), null,
                List.of(), java.util.Arrays.asList("wrk", null), "wrk", null, null, null);
        MeasurementConfig c = new MeasurementConfig(Goal.RUN, null, URL, both, ShapeConfig.DEFAULT, null, null,
                List.of(), null, List.of(), dir.resolve("out"), dir.resolve("baseline.json"), dir, "1.0", "test");

        assertThatThrownBy(() -> MeasurementPlanner.plan(c, build))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).contains(
                        "both <loadCommand> and <script> are configured; keep one of them",
                        "both <loadCommand> and <requests> are configured; the command defines the requests: remove "
                                + "<requests>, or <loadCommand> to use the embedded engine",
                        "both <script> and <requests> are configured; the script defines the requests: remove "
                                + "<requests>, or <script> to use the embedded engine",
                        "both <requests> and <scenarioFile> are configured; keep the requests in one place",
                        "<feeder> fills perfgate's own requests; the command reads its data itself")
                        .anySatisfy(p -> assertThat(p).startsWith("<loadCommand> element 2 is empty: Maven replaces "
                                + "a value that is only ${perfgate.baseUrl}").endsWith("write $${perfgate.baseUrl}")));
    }

    @Test
    void anInterleavedRunNamesOneBaselineVersionForAServiceWithAFreePort() throws Exception {
        Path jar = Files.writeString(dir.resolve("old.jar"), "old");
        ServiceConfig service = new ServiceConfig(List.of("./start.sh"), null, null, List.of(), List.of(), Map.of(),
                null, null, 0, null, "180s", "10s");
        AbConfig byJar = new AbConfig(null, null, jar, List.of(), 15, 42L);

        MeasurementPlanner.Planned planned = MeasurementPlanner.plan(interleaved(service, byJar), build);
        assertThat(planned.plan().ab().baselineVersion()).isEqualTo("jar " + jar);
        assertThat(planned.plan().ab().baselineService().launch()).isEqualTo(new ServiceSpec.Jar(jar));
        assertThat(planned.plan().plannedTrials()).isEqualTo(15);
        AbConfig byCommand = new AbConfig(null, null, null, List.of("./old.sh"), 15, 42L);
        assertThat(MeasurementPlanner.plan(interleaved(service, byCommand), build).plan().ab().baselineService()
                .launch()).isEqualTo(new ServiceSpec.Command(List.of("./old.sh")));
        assertThat(MeasurementPlanner.plan(interleaved(service, AbConfig.NONE), build).plan().ab()).isNull();

        ServiceConfig fixedPort = new ServiceConfig(List.of("./start.sh"), null, null, List.of(), List.of(), Map.of(),
                null, null, 8080, null, "180s", "10s");
        AbConfig two = new AbConfig("origin/main", null, dir.resolve("missing.jar"), List.of(), 0, null);
        assertThatThrownBy(() -> MeasurementPlanner.plan(interleaved(fixedPort, two), build))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).containsExactly(
                        "set one of <baselineRef>, <baselineArtifact>, <baselineJar> or <baselineCommand>, not 2",
                        "<pairs> is 0; give at least 7 (the fewest that can reach alpha 0.01)",
                        "<service><port> is fixed at 8080, but interleaved A/B runs the baseline version beside the "
                                + "service; leave <port> out so each gets a free port (${perfgate.port})"));

        AbConfig missingJar = new AbConfig(null, null, dir.resolve("missing.jar"), List.of(), 15, null);
        assertThatThrownBy(() -> MeasurementPlanner.plan(interleaved(service, missingJar), build))
                .hasMessageContaining("<baselineJar> " + dir.resolve("missing.jar") + " does not exist");
    }

    private MeasurementConfig interleaved(ServiceConfig service, AbConfig ab) {
        return new MeasurementConfig(Goal.RUN, service, null, LoadConfig.requests(SEARCH), ShapeConfig.DEFAULT, null,
                ab, List.of(), null, List.of(), dir.resolve("out"), dir.resolve("baseline.json"), dir, "1.0", "test");
    }
}
