package dev.perfgate.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import dev.perfgate.result.JfrInfo;
import dev.perfgate.result.RunResult;
import dev.perfgate.result.TrialResult;
import dev.perfgate.testing.CapturedLog;
import dev.perfgate.testing.FakeEngine;
import dev.perfgate.testing.TestPlans;

import dev.perfgate.load.NettyLoadEngine;
import dev.perfgate.service.JfrAttach;
import dev.perfgate.service.JfrOptions;
import dev.perfgate.service.JmxTarget;
import dev.perfgate.service.Readiness;
import dev.perfgate.service.ServiceProcess;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.testing.TestApps;
import dev.perfgate.testing.apps.EchoServer;
import java.nio.file.Path;
import java.util.List;
import javax.management.JMX;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import jdk.jfr.consumer.RecordingFile;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service started outside the measurement (here by the test, without JFR), profiled by attaching to it: the
 * trial files are the same as for a launched service, and the recording is gone from the service afterwards.
 */
@Timeout(300)
@Tag("slow")
class MeasurementAttachTest {
    @TempDir
    Path dir;

    private final CapturedLog log = new CapturedLog();

    @Test
    void profilesAServiceItDidNotStartAndLeavesNoRecordingInIt() throws Exception {
        try (ServiceProcess outside = ServiceProcess.start(outsideService())) {
            outside.awaitReady();
            JmxTarget target = new JmxTarget.Pid(outside.pid());
            Path out = dir.resolve("out");
            MeasurementPlan plan = TestPlans.plan(null, "http://127.0.0.1:" + outside.port(), TestPlans.load(2),
                    () -> new NettyLoadEngine(1), out).withJfrAttach(new JfrAttach(target, "profile"));

            RunResult run = new Measurement(plan, log).run();

            assertThat(run.jfr()).isEqualTo(new JfrInfo(true, "profile", List.of()));
            assertThat(run.trials()).extracting(TrialResult::jfr).containsExactly("trial-1.jfr", "trial-2.jfr");
            for (TrialResult trial : run.trials()) {
                try (RecordingFile file = new RecordingFile(out.resolve(trial.jfr()))) {
                    assertThat(file.hasMoreEvents()).isTrue();
                }
            }
            assertThat(log.containing("recording JFR (profile) in pid " + outside.pid())).hasSize(1);
            assertThat(log.indexOf("recording JFR")).isLessThan(log.indexOf("warming up"));
            assertThat(log.containing("stopped and closed the JFR recording in pid " + outside.pid())).hasSize(1);
            assertThat(recordingsIn(target)).isEmpty();
            outside.checkAlive();
        }
    }

    @Test
    void aFailedTrialStillStopsTheRecording() throws Exception {
        try (ServiceProcess outside = ServiceProcess.start(outsideService())) {
            outside.awaitReady();
            JmxTarget target = new JmxTarget.Pid(outside.pid());
            MeasurementPlan plan = TestPlans.plan(null, "http://127.0.0.1:" + outside.port(), TestPlans.load(3),
                    () -> new FakeEngine(2), dir).withJfrAttach(new JfrAttach(target, "default"));

            MeasurementException e = catchThrowableOfType(() -> new Measurement(plan, log).run(),
                    MeasurementException.class);

            assertThat(e).hasMessageContaining("fake failure in trial 2");
            assertThat(dir.resolve("trial-1.jfr")).isNotEmptyFile();
            assertThat(recordingsIn(target)).isEmpty();
        }
    }

    @Test
    void aJvmThatCannotBeReachedFailsBeforeAnyLoad() throws Exception {
        FakeEngine engine = new FakeEngine();
        String url = "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + dev.perfgate.service.PortAllocator.freePort()
                + "/jmxrmi";
        MeasurementPlan plan = TestPlans.plan(null, "http://127.0.0.1:9", TestPlans.load(2), () -> engine, dir)
                .withJfrAttach(new JfrAttach(new JmxTarget.Url(url, null, null), null));

        MeasurementException e = catchThrowableOfType(() -> new Measurement(plan, log).run(),
                MeasurementException.class);

        assertThat(e).hasMessageStartingWith("JMX at " + url + " is unreachable")
                .hasMessageEndingWith("(or set jfr=false to measure without a profile)");
        assertThat(engine.plans()).isEmpty();
        assertThat(dir.resolve(Measurement.RUN_FILE)).doesNotExist();
    }

    @Test
    void anAttachedRecordingHasTheIdentityOfALaunchedOneWithTheSameSettings() {
        ServiceSpec launched = TestPlans.echoServer(dir, true);
        MeasurementPlan launchedPlan = TestPlans.plan(launched, TestPlans.PORT_URL, TestPlans.load(2),
                FakeEngine::new, dir);
        MeasurementPlan attachedPlan = TestPlans.plan(null, "http://127.0.0.1:9", TestPlans.load(2),
                FakeEngine::new, dir).withJfrAttach(new JfrAttach(new JmxTarget.Pid(1), "profile"));
        MeasurementPlan unprofiled = TestPlans.plan(null, "http://127.0.0.1:9", TestPlans.load(2),
                FakeEngine::new, dir);

        assertThat(TrialProfiles.describe(attachedPlan)).isEqualTo(TrialProfiles.describe(launchedPlan))
                .extracting(JfrInfo::enabled).isEqualTo(true);
        assertThat(TrialProfiles.describe(unprofiled)).isEqualTo(JfrInfo.off());
        assertThat(TrialProfiles.safetyStop(attachedPlan)).isGreaterThan(java.time.Duration.ofHours(1));
    }

    private ServiceSpec outsideService() {
        return TestApps.main(EchoServer.class).jvmArgs("-Xmx64m", "-Dsun.net.httpserver.nodelay=true")
                .logFile(dir.resolve("outside.log"))
                .readiness(Readiness.http("http://127.0.0.1:${perfgate.port}/"))
                .jfr(JfrOptions.disabled())
                .build();
    }

    private static List<RecordingInfo> recordingsIn(JmxTarget target) throws Exception {
        try (JMXConnector connector = target.connect()) {
            return JMX.newMXBeanProxy(connector.getMBeanServerConnection(),
                    new ObjectName(FlightRecorderMXBean.MXBEAN_NAME), FlightRecorderMXBean.class).getRecordings();
        }
    }
}
