package dev.perfgate.run;

import static dev.perfgate.testing.TestApps.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.result.TrialResult;
import dev.perfgate.testing.CapturedLog;
import dev.perfgate.testing.FakeEngine;
import dev.perfgate.testing.TestPlans;

import dev.perfgate.load.NettyLoadEngine;
import dev.perfgate.run.TrialExtension.Extension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real services (EchoServer) and the real engine; no timing assertions, the build machine may be busy. */
@Timeout(300)
@Tag("slow")
class MeasurementRestartTest {
    private static final String STARTED = "---- perfgate: starting service";

    @TempDir
    Path dir;

    private final CapturedLog log = new CapturedLog();

    @Test
    void everyTrialRunsInAFreshServiceThatIsStoppedAfterIt() throws Exception {
        MeasurementPlan plan = TestPlans.plan(TestPlans.echoServer(dir, true), TestPlans.PORT_URL, TestPlans.load(2),
                () -> new NettyLoadEngine(1), dir)
                .withRestartPerTrial(true)
                .withExtension(interim -> new Extension(1, "one more for the test"), 3);

        RunResult run = new Measurement(plan, log).run();

        List<Long> pids = log.readyPids();
        assertThat(pids).hasSize(3).doesNotHaveDuplicates();
        assertThat(pids).allSatisfy(pid -> assertThat(running(pid)).as("pid %d still running", pid).isFalse());
        assertThat(run.trials()).extracting(TrialResult::trial).containsExactly(1, 2, 3);
        assertThat(run.overall().stats().count()).isPositive();
        assertThat(run.load().restartPerTrial()).isTrue();
        assertThat(run.load().plannedTrials()).isEqualTo(2);
        assertThat(log.containing("warming up")).hasSize(3);
        for (int trial = 1; trial <= 3; trial++) {
            int started = log.indexOf("starting a fresh service for trial " + trial + "/");
            int done = log.indexOf("trial " + trial + "/" + (trial < 3 ? 2 : 3) + " done");
            int next = log.indexOf("starting a fresh service for trial " + (trial + 1) + "/");
            assertThat(started).as("start of trial %d", trial).isNotNegative().isLessThan(done);
            if (trial < 3) {
                assertThat(next).as("the next service starts after trial %d", trial).isGreaterThan(done);
            }
            // Dumped from that trial's own service before it was stopped.
            assertThat(dir.resolve("trial-" + trial + ".jfr")).isNotEmptyFile();
        }
        String serviceLog = Files.readString(dir.resolve(Measurement.SERVICE_LOG));
        assertThat(serviceLog.split(java.util.regex.Pattern.quote(STARTED), -1)).hasSize(4);
        assertThat(RunJson.read(dir.resolve(Measurement.RUN_FILE)).load().restartPerTrial()).isTrue();
        // JDK Mission Control read the three services' trial files (its findings depend on the machine)
        assertThat(log.containing("JFR health: JDK Mission Control's analysis was skipped")).isEmpty();
        assertThat(log.containing("by JDK Mission Control's rules")).singleElement().asString()
                .containsPattern("[1-9]\\d* rules evaluated");
    }

    @Test
    void withoutRestartOneServiceAndOneWarmUpServeEveryTrial() throws Exception {
        MeasurementPlan plan = TestPlans.plan(TestPlans.echoServer(dir, false), TestPlans.PORT_URL,
                TestPlans.load(2), () -> new NettyLoadEngine(1), dir);

        RunResult run = new Measurement(plan, log).run();

        assertThat(log.readyPids()).hasSize(1).allSatisfy(pid -> assertThat(running(pid)).isFalse());
        assertThat(log.containing("warming up")).hasSize(1);
        assertThat(log.containing("starting the service")).hasSize(1);
        assertThat(run.trials()).hasSize(2);
        assertThat(run.load().restartPerTrial()).isFalse();
    }

    @Test
    void aFailedTrialStopsItsServiceToo() throws Exception {
        MeasurementPlan plan = TestPlans.plan(TestPlans.echoServer(dir, false), TestPlans.PORT_URL,
                TestPlans.load(3), () -> new FakeEngine(2), dir).withRestartPerTrial(true);

        MeasurementException e = catchThrowableOfType(() -> new Measurement(plan, log).run(),
                MeasurementException.class);

        assertThat(e).hasMessageContaining("fake failure in trial 2");
        assertThat(log.readyPids()).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(pid -> assertThat(running(pid)).as("pid %d still running", pid).isFalse());
        assertThat(dir.resolve(Measurement.RUN_FILE)).doesNotExist();
    }

    @Test
    void aFailingExtensionStopsTheSharedService() throws Exception {
        MeasurementPlan plan = TestPlans.plan(TestPlans.echoServer(dir, false), TestPlans.PORT_URL,
                TestPlans.load(1), FakeEngine::new, dir).withExtension(interim -> {
                    throw new IllegalStateException("statistics broke");
                }, 2);

        MeasurementException e = catchThrowableOfType(() -> new Measurement(plan, log).run(),
                MeasurementException.class);

        assertThat(e).hasMessageContaining("the trial extension failed after 1 trial: ")
                .hasMessageContaining("statistics broke");
        assertThat(log.readyPids()).hasSize(1).allSatisfy(pid -> assertThat(running(pid)).isFalse());
    }
}
