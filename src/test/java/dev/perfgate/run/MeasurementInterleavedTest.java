package dev.perfgate.run;

import static dev.perfgate.testing.TestApps.running;
import static org.assertj.core.api.Assertions.assertThat;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.testing.CapturedLog;
import dev.perfgate.testing.TestPlans;

import dev.perfgate.load.LoadEngine;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.NettyLoadEngine;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.service.JfrOptions;
import dev.perfgate.service.Readiness;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.testing.TestApps;
import dev.perfgate.testing.apps.EchoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Interleaved A/B with two real services (EchoServer) and the real engine; no timing assertions. */
@Timeout(300)
@Tag("slow")
class MeasurementInterleavedTest {
    private static final Pattern READY = Pattern.compile("(service|baseline version) ready \\(pid (\\d+),");
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;

    private final CapturedLog log = new CapturedLog();
    /** Per trial the engine ran (warm-ups included): how many services this JVM had started were alive. */
    private final List<Long> servicesAliveAtEachRun = Collections.synchronizedList(new ArrayList<>());

    @Test
    void bothVersionsRunSideBySideInThePlannedOrderAndBothAreStopped() throws Exception {
        RunResult run = new Measurement(plan(false, List.of(true, false)), log).run();

        List<Long> pids = readyPids();
        assertThat(pids).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(pid -> assertThat(running(pid)).as("pid %d still running", pid).isFalse());
        assertThat(log.containing("warming up")).hasSize(2);
        // every trial, warm-ups included, ran with both versions alive
        assertThat(servicesAliveAtEachRun).hasSize(6).containsOnly(2L);
        assertThat(order()).containsExactly("pair 1/2, baseline version", "pair 1/2, this build",
                "pair 2/2, this build", "pair 2/2, baseline version");

        assertThat(run.trials()).hasSize(2);
        assertThat(run.pairing().order()).containsExactly("AB", "BA");
        assertThat(run.pairing().seed()).isEqualTo(42L);
        assertThat(run.pairing().baselineRun()).isEqualTo(AbPlan.BASELINE_RUN_FILE);
        RunResult baseline = RunJson.read(dir.resolve(AbPlan.BASELINE_RUN_FILE));
        assertThat(baseline.trials()).hasSize(2);
        assertThat(baseline.overall().stats().count()).isPositive();
        assertThat(baseline.gitCommit()).isEqualTo(COMMIT);
        assertThat(baseline.pairing().baselineVersion()).isEqualTo("git 0123456 (HEAD~1)");
        assertThat(dir.resolve("baseline-trial-2.hlog")).isNotEmptyFile();
        assertThat(dir.resolve("trial-2.hlog")).isNotEmptyFile();
    }

    @Test
    void withRestartPerTrialOnlyOneServiceIsAliveAtATime() throws Exception {
        RunResult run = new Measurement(plan(true, List.of(false, true)), log).run();

        List<Long> pids = readyPids();
        assertThat(pids).hasSize(4).doesNotHaveDuplicates()
                .allSatisfy(pid -> assertThat(running(pid)).as("pid %d still running", pid).isFalse());
        // a warm-up and a trial per start, each with only its own service alive
        assertThat(log.containing("warming up")).hasSize(4);
        assertThat(servicesAliveAtEachRun).hasSize(8).containsOnly(1L);
        assertThat(order()).containsExactly("pair 1/2, this build", "pair 1/2, baseline version",
                "pair 2/2, baseline version", "pair 2/2, this build");
        assertThat(run.trials()).hasSize(2);
        assertThat(RunJson.read(dir.resolve(AbPlan.BASELINE_RUN_FILE)).trials()).hasSize(2);
        assertThat(run.load().restartPerTrial()).isTrue();
    }

    private MeasurementPlan plan(boolean restartPerTrial, List<Boolean> baselineFirst) {
        ServiceSpec baseline = TestApps.main(EchoServer.class)
                .jvmArgs("-Xmx64m", "-Dsun.net.httpserver.nodelay=true")
                .logFile(dir.resolve(AbPlan.BASELINE_SERVICE_LOG))
                .readiness(Readiness.http(TestPlans.PORT_URL + "/"))
                .jfr(JfrOptions.disabled())
                .build();
        return TestPlans.plan(TestPlans.echoServer(dir, false), TestPlans.PORT_URL,
                        TestPlans.load(baselineFirst.size()), () -> new CountingEngine(new NettyLoadEngine(1)), dir)
                .withRestartPerTrial(restartPerTrial)
                .withAb(new AbPlan(baseline, "git 0123456 (HEAD~1)", COMMIT, baselineFirst, 42L));
    }

    private List<Long> readyPids() {
        List<Long> pids = new ArrayList<>();
        for (String line : log.lines()) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                pids.add(Long.parseLong(m.group(2)));
            }
        }
        return pids;
    }

    /** The trials' labels in the order they finished. */
    private List<String> order() {
        Pattern done = Pattern.compile("(pair \\d/\\d, (baseline version|this build)) done");
        List<String> labels = new ArrayList<>();
        for (String line : log.lines()) {
            Matcher m = done.matcher(line);
            if (m.find()) {
                labels.add(m.group(1));
            }
        }
        return labels;
    }

    /** The real engine, counting the live services (this JVM's child processes) as each trial begins. */
    private final class CountingEngine implements LoadEngine {
        private final LoadEngine engine;

        CountingEngine(LoadEngine engine) {
            this.engine = engine;
        }

        @Override
        public TrialRecording run(TrialPlan plan) throws LoadException {
            servicesAliveAtEachRun.add(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count());
            return engine.run(plan);
        }

        @Override
        public void close() {
            engine.close();
        }
    }
}
