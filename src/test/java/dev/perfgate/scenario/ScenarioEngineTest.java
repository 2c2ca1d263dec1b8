package dev.perfgate.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.load.ExternalLoad;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.LoadModel;
import dev.perfgate.service.ServiceException;
import dev.perfgate.service.ServiceProcess;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.testing.scenarios.FailingScenario;
import dev.perfgate.testing.scenarios.NotAScenario;
import dev.perfgate.testing.scenarios.SleepScenario;
import dev.perfgate.testing.scenarios.SlowScenario;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The scenario runner in a real forked JVM, driven by the engine as the measurement drives it. */
@Timeout(300)
@Tag("slow")
class ScenarioEngineTest {
    @TempDir
    Path dir;

    private ServiceProcess start(Class<?> scenario) throws ServiceException {
        return start(scenario.getName());
    }

    private ServiceProcess start(String className) throws ServiceException {
        ServiceSpec spec = ScenarioSpec.service(className, List.of(testClasses()))
                .jvmArgs("-Xmx64m")
                .logFile(dir.resolve("service.log"))
                .readyTimeout(Duration.ofSeconds(60))
                .build();
        ServiceProcess service = ServiceProcess.start(spec);
        try {
            service.awaitReady();
        } catch (ServiceException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    private static Path testClasses() {
        try {
            return Path.of(SleepScenario.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TrialPlan plan(ServiceProcess service, LoadProfile profile, Path intervalLog) {
        LoadDefinition load = LoadDefinition.external(new ExternalLoad("java", "x", null, null), profile);
        return new TrialPlan(1, URI.create("http://127.0.0.1:" + service.port()), load, profile.duration(),
                intervalLog, null);
    }

    private static LoadProfile open(double rate, Duration duration, int threads, Duration timeout) {
        return new LoadProfile(LoadModel.OPEN, rate, Duration.ZERO, duration, Duration.ZERO, 1, threads, timeout,
                Duration.ofMillis(500));
    }

    @Test
    void openModelRunsEveryScheduledOperationAndTimesItFromItsIntendedStart() throws Exception {
        Path hlog = dir.resolve("trial-1.hlog");
        List<String> progress = new ArrayList<>();
        try (ServiceProcess service = start(SleepScenario.class)) {
            TrialPlan plan = plan(service, open(200, Duration.ofSeconds(2), 4, Duration.ofSeconds(5)), hlog);
            plan = new TrialPlan(1, plan.baseUrl(), plan.load(), plan.duration(), hlog, progress::add);
            TrialRecording recording = new ScenarioEngine("SleepScenario").run(plan);

            assertThat(recording.byRequest()).containsOnlyKeys("SleepScenario");
            RequestRecording r = recording.byRequest().get("SleepScenario");
            // 200/s for 2 s: exactly 400 due, every one recorded, none failed
            assertThat(recording.scheduled()).isEqualTo(400);
            assertThat(recording.sent()).isEqualTo(400);
            assertThat(r.requests()).isEqualTo(400);
            assertThat(r.uncorrected().getTotalCount()).isEqualTo(400);
            assertThat(r.errorCount()).isZero();
            assertThat(recording.model()).isEqualTo(LoadModel.OPEN);
            // a call sleeps 2 ms; from its intended start it cannot have taken less
            assertThat(r.uncorrected().getMinValue()).isGreaterThanOrEqualTo(1_900);
            assertThat(r.corrected().getMean()).isGreaterThanOrEqualTo(r.uncorrected().getMean());
            assertThat(r.corrected().getMaxValue()).isGreaterThanOrEqualTo(r.uncorrected().getMaxValue());
            assertThat(recording.sendLagWhileIdle().getTotalCount()).isPositive();
            assertThat(recording.measuredSeconds()).isEqualTo(2.0);
            assertThat(recording.endEpochMillis() - recording.startEpochMillis()).isBetween(1_900L, 60_000L);
            assertThat(recording.intervalLog()).isEqualTo(hlog);
            assertThat(Files.readString(hlog)).contains("corrected.SleepScenario").contains("sendLag");
            assertThat(progress).singleElement().asString().contains("400 operations of SleepScenario");
            service.checkAlive();
        }
    }

    @Test
    void closedModelCallsInALoopOnEachThread() throws Exception {
        try (ServiceProcess service = start(SleepScenario.class)) {
            LoadProfile closed = new LoadProfile(LoadModel.CLOSED, 0, Duration.ZERO, Duration.ofSeconds(1),
                    Duration.ZERO, 1, 2, Duration.ofSeconds(5), Duration.ofMillis(500));
            TrialRecording recording = new ScenarioEngine("SleepScenario").run(plan(service, closed, null));
            RequestRecording r = recording.byRequest().get("SleepScenario");
            // two threads calling 2 ms sleeps for 1 s: at most ~1000, and surely more than 50 on a busy machine
            assertThat(r.requests()).isBetween(50L, 1_000L);
            assertThat(recording.scheduled()).isEqualTo(r.requests());
            assertThat(r.uncorrected().getTotalCount()).isEqualTo(r.requests());
            assertThat(r.errorCount()).isZero();
            assertThat(recording.model()).isEqualTo(LoadModel.CLOSED);
            assertThat(recording.intervalLog()).isNull();
        }
    }

    @Test
    void aCallThatThrowsIsAnErrorNamedInAWarning() throws Exception {
        try (ServiceProcess service = start(FailingScenario.class)) {
            TrialRecording recording = new ScenarioEngine("FailingScenario")
                    .run(plan(service, open(100, Duration.ofSeconds(1), 1, Duration.ofSeconds(5)), null));
            RequestRecording r = recording.byRequest().get("FailingScenario");
            assertThat(r.requests()).isEqualTo(100);
            // one thread, one instance: every fourth call throws
            assertThat(r.errors()).containsOnlyKeys(ErrorKind.EXCEPTION);
            assertThat(r.errors().get(ErrorKind.EXCEPTION)).isEqualTo(25);
            assertThat(recording.warnings()).anySatisfy(w -> assertThat(w)
                    .contains("25 calls threw java.lang.IllegalStateException")
                    .contains("failed on purpose"));
            assertThat(Files.readString(dir.resolve("service.log")))
                    .contains("at " + FailingScenario.class.getName() + ".run");
        }
    }

    @Test
    void operationsLeftAtTheEndAreUnfinishedAndLongCallsTimeOutNoneIsDropped() throws Exception {
        try (ServiceProcess service = start(SlowScenario.class)) {
            // 20/s for 1 s = 20 operations; two threads of 300 ms calls finish about 7 a second, each over the
            // 250 ms timeout; after the 250 ms drain the rest are left
            TrialRecording recording = new ScenarioEngine("SlowScenario")
                    .run(plan(service, open(20, Duration.ofSeconds(1), 2, Duration.ofMillis(250)), null));
            RequestRecording r = recording.byRequest().get("SlowScenario");
            assertThat(r.requests()).isEqualTo(20);
            assertThat(r.errorCount()).isEqualTo(20);
            assertThat(r.errors()).containsKeys(ErrorKind.TIMEOUT, ErrorKind.UNFINISHED);
            assertThat(r.errors().get(ErrorKind.UNFINISHED)).isGreaterThanOrEqualTo(5);
            // the operations that queued behind busy threads waited: the corrected figures show it
            assertThat(r.corrected().getMaxValue()).isGreaterThan(r.uncorrected().getMaxValue());
            assertThat(recording.warnings()).anySatisfy(w -> assertThat(w).contains("worker threads were busy"));
        }
    }

    @Test
    void aMissingClassStopsTheForkWithOneClearLine() {
        assertThatThrownBy(() -> start("com.example.NoSuchScenario").close())
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("exited early with code 2")
                .hasMessageContaining("scenario class com.example.NoSuchScenario is not on the test classpath");
    }

    @Test
    void aClassThatIsNeitherCallableNorRunnableIsRefused() {
        assertThatThrownBy(() -> start(NotAScenario.class).close())
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("implements neither java.util.concurrent.Callable nor java.lang.Runnable");
    }

    @Test
    void identityHashesTheClassFileAndNamesTheRequestBySimpleName() {
        ExternalLoad identity = ScenarioSpec.identity(SleepScenario.class.getName(), List.of(testClasses()));
        assertThat(identity.tool()).isEqualTo("java");
        assertThat(identity.source()).isEqualTo(SleepScenario.class.getName());
        assertThat(identity.sha256()).hasSize(64);
        assertThat(identity.settings()).containsEntry("name", "SleepScenario");
        assertThat(ScenarioSpec.onClasspath("com.example.NoSuchScenario", List.of(testClasses()))).isFalse();
        assertThat(ScenarioSpec.requestName("a.b.Outer$Inner")).isEqualTo("Inner");
    }
}
