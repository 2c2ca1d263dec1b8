package dev.perfgate.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import dev.perfgate.testing.TestApps;

import dev.perfgate.testing.apps.AttachLauncher;
import dev.perfgate.testing.apps.EchoServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.JMX;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * JFR recorded in a JVM perfgate did not start, through its FlightRecorderMXBean: separate JVMs started here without
 * JFR, reached by pid (Attach API) and by JMX URL on loopback.
 */
@Timeout(300)
@Tag("slow")
class AttachedRecordingTest {
    private static final Duration SAFETY = Duration.ofHours(1);

    @TempDir
    Path dir;

    @Test
    void recordsTwoWindowsByPidAndLeavesNoRecordingBehind() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(echoServer(List.of()))) {
            service.awaitReady();
            JmxTarget target = new JmxTarget.Pid(service.pid());

            recordTwoWindows(service, target);

            assertThat(recordingsIn(target)).isEmpty();
        }
    }

    @Test
    void recordsTwoWindowsByPidInAJvmOfAnotherJdk() throws Exception {
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        assumeTrue(Files.isExecutable(java25), "no JDK 25 on this machine");
        ServiceSpec spec = TestApps.main(EchoServer.class).javaExecutable(java25)
                .jvmArgs("-Dsun.net.httpserver.nodelay=true")
                .logFile(dir.resolve("service.log"))
                .readiness(Readiness.http("http://127.0.0.1:${perfgate.port}/"))
                .build();
        try (ServiceProcess service = ServiceProcess.start(spec)) {
            service.awaitReady();
            JmxTarget target = new JmxTarget.Pid(service.pid());

            recordTwoWindows(service, target);

            assertThat(recordingsIn(target)).isEmpty();
        }
    }

    @Test
    void recordsTwoWindowsByJmxUrlAndLeavesNoRecordingBehind() throws Exception {
        int jmxPort = PortAllocator.freePort();
        try (ServiceProcess service = ServiceProcess.start(echoServer(jmxRemote(jmxPort, false)))) {
            service.awaitReady();
            JmxTarget target = new JmxTarget.Url(jmxUrl(jmxPort), null, null);

            recordTwoWindows(service, target);

            assertThat(recordingsIn(target)).isEmpty();
        }
    }

    @Test
    void usesJmxCredentialsAndNeverShowsThePassword() throws Exception {
        String password = "s3cret-Pw";
        Path passwords = dir.resolve("jmx.password");
        Files.writeString(passwords, "perfgate " + password + "\n");
        // The JMX agent refuses a password file that others can read.
        Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
        Path access = dir.resolve("jmx.access");
        Files.writeString(access, "perfgate readwrite\n");
        int jmxPort = PortAllocator.freePort();
        List<String> jvmArgs = new ArrayList<>(jmxRemote(jmxPort, true));
        jvmArgs.add("-Dcom.sun.management.jmxremote.password.file=" + passwords);
        jvmArgs.add("-Dcom.sun.management.jmxremote.access.file=" + access);
        try (ServiceProcess service = ServiceProcess.start(echoServer(jvmArgs))) {
            service.awaitReady();

            JmxTarget wrong = new JmxTarget.Url(jmxUrl(jmxPort), "perfgate", "wrong-" + password);
            assertThatThrownBy(() -> AttachedRecording.start(new JfrAttach(wrong, "default"), SAFETY))
                    .isInstanceOf(ServiceException.class)
                    .hasMessageContaining("refused the credentials")
                    .hasMessageContaining("jfrJmxPassword")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(password).doesNotContain("\n"));
            assertThat(wrong.toString()).doesNotContain(password);

            JmxTarget right = new JmxTarget.Url(jmxUrl(jmxPort), "perfgate", password);
            try (AttachedRecording recording = AttachedRecording.start(new JfrAttach(right, "default"), SAFETY)) {
                Instant begin = Instant.now();
                TestApps.load(service, Duration.ofSeconds(1));
                Path file = recording.copy(dir.resolve("auth.jfr"), begin, Instant.now());
                assertThat(RecordingFile.readAllEvents(file)).isNotEmpty();
            }
            assertThat(recordingsIn(right)).isEmpty();
        }
    }

    @Test
    void aBuildJvmStoppedWithSigtermStopsItsRecordingInTheTarget() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(echoServer(List.of()))) {
            service.awaitReady();
            JmxTarget target = new JmxTarget.Pid(service.pid());
            Process launcher = new ProcessBuilder(ServiceSpec.currentJava().toString(), "-cp",
                    System.getProperty("java.class.path"), AttachLauncher.class.getName(),
                    Long.toString(service.pid())).redirectError(dir.resolve("launcher.err").toFile()).start();
            try {
                String line = new BufferedReader(new InputStreamReader(launcher.getInputStream(),
                        StandardCharsets.UTF_8)).readLine();
                assertThat(line).as("launcher output; stderr: %s", Files.readString(dir.resolve("launcher.err")))
                        .startsWith("RECORDING=");
                assertThat(recordingsIn(target)).extracting(RecordingInfo::getState).containsExactly("RUNNING");

                launcher.destroy(); // SIGTERM, as a CI runner cancelling the build

                assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).as("launcher exits").isTrue();
                assertThat(recordingsIn(target)).isEmpty();
            } finally {
                launcher.destroyForcibly();
            }
        }
    }

    @Test
    void aRecordingStopsItselfAfterItsSafetyLimit() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(echoServer(List.of()))) {
            service.awaitReady();
            JmxTarget target = new JmxTarget.Pid(service.pid());
            try (AttachedRecording recording = AttachedRecording.start(new JfrAttach(target, "default"),
                    Duration.ofSeconds(1))) {
                // What a build killed with SIGKILL leaves behind: a recording that stops by itself.
                assertThat(TestApps.eventually(Duration.ofSeconds(60), () -> stateIn(target).equals("STOPPED")))
                        .as("state %s", stateIn(target)).isTrue();

                assertThatThrownBy(() -> recording.copy(dir.resolve("late.jfr"), Instant.now(), Instant.now()))
                        .isInstanceOf(ServiceException.class)
                        .hasMessageContaining("is STOPPED, not running (it stops itself after 1 s)");
                assertThat(dir.resolve("late.jfr")).doesNotExist();
            }
            assertThat(recordingsIn(target)).isEmpty();
        }
    }

    private static String stateIn(JmxTarget target) {
        try {
            return recordingsIn(target).stream().map(RecordingInfo::getState).findFirst().orElse("none");
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void aJfcFileSendsItsSettings() throws Exception {
        Path jfc = Path.of(System.getProperty("java.home"), "lib", "jfr", "default.jfc");
        try (ServiceProcess service = ServiceProcess.start(echoServer(List.of()))) {
            service.awaitReady();
            JmxTarget target = new JmxTarget.Pid(service.pid());
            try (AttachedRecording recording = AttachedRecording.start(new JfrAttach(target, jfc.toString()),
                    SAFETY)) {
                Instant begin = Instant.now();
                TestApps.load(service, Duration.ofSeconds(1));
                assertThat(RecordingFile.readAllEvents(recording.copy(dir.resolve("jfc.jfr"), begin, Instant.now())))
                        .isNotEmpty();
            }

            assertThatThrownBy(() -> AttachedRecording.start(new JfrAttach(target, "no-such-settings"), SAFETY))
                    .isInstanceOf(ServiceException.class)
                    .hasMessageContaining("jfrSettings 'no-such-settings' is not a JFR configuration pid "
                            + service.pid() + " knows")
                    .hasMessageContaining("profile");
            assertThatThrownBy(() -> AttachedRecording.start(new JfrAttach(target, dir.resolve("missing.jfc")
                    .toString()), SAFETY))
                    .isInstanceOf(ServiceException.class)
                    .hasMessageContaining("cannot read the JFR settings file");
            assertThat(recordingsIn(target)).isEmpty();
        }
    }

    @Test
    void aPidWithoutAProcessIsReportedOnOneLine() throws Exception {
        Process ended = new ProcessBuilder(ServiceSpec.currentJava().toString(), "-version").start();
        assertThat(ended.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> AttachedRecording.start(new JfrAttach(new JmxTarget.Pid(ended.pid()), null),
                SAFETY))
                .isInstanceOf(ServiceException.class)
                .hasMessage("no process with pid " + ended.pid() + " to record JFR in (jfrAttachPid); "
                        + "start the service first and pass its pid (jps -l lists Java processes)");
    }

    @Test
    void aProcessThatIsNotAJvmIsRefusedAndLeftAlone() throws Exception {
        Process sleep = new ProcessBuilder("sleep", "120").start();
        try {
            assertThatThrownBy(() -> AttachedRecording.start(new JfrAttach(new JmxTarget.Pid(sleep.pid()), null),
                    SAFETY))
                    .isInstanceOf(ServiceException.class)
                    .hasMessageContaining("pid " + sleep.pid() + " is not a JVM this user can attach to")
                    .hasMessageContaining("same user")
                    .hasMessageContaining("-XX:+DisableAttachMechanism")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            // No SIGQUIT was sent: it would have ended sleep.
            assertThat(sleep.isAlive()).isTrue();
        } finally {
            sleep.destroyForcibly();
        }
    }

    @Test
    void aJvmThatRefusesAttachIsReportedWithTheLikelyCauses() throws Exception {
        try (ServiceProcess service = ServiceProcess.start(echoServer(List.of("-XX:+DisableAttachMechanism")))) {
            service.awaitReady();

            assertThatThrownBy(() -> AttachedRecording.start(new JfrAttach(new JmxTarget.Pid(service.pid()), null),
                    SAFETY))
                    .isInstanceOf(ServiceException.class)
                    .hasMessageContaining("pid " + service.pid())
                    .hasMessageContaining("-XX:+DisableAttachMechanism")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            service.checkAlive();
        }
    }

    @Test
    void anUnreachableJmxUrlIsReportedOnOneLine() {
        String url = jmxUrl(PortAllocator.freePort());

        assertThatThrownBy(() -> AttachedRecording.start(new JfrAttach(new JmxTarget.Url(url, null, null), null),
                SAFETY))
                .isInstanceOf(ServiceException.class)
                .hasMessageStartingWith("JMX at " + url + " is unreachable (")
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("-Dcom.sun.management.jmxremote.port")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void badTargetsAreRejectedWhenConfigured() {
        assertThatThrownBy(() -> new JmxTarget.Pid(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jfrAttachPid");
        assertThatThrownBy(() -> new JmxTarget.Url("http://127.0.0.1:9010/", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a JMX service URL")
                .hasMessageContaining("service:jmx:rmi:///jndi/rmi://host:9010/jmxrmi");
        assertThatThrownBy(() -> new JmxTarget.Url(jmxUrl(9010), "user", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jfrJmxUsername and jfrJmxPassword go together");
    }

    /** Records two trial-like windows and checks what the copies hold; the recording is closed at the end. */
    private void recordTwoWindows(ServiceProcess service, JmxTarget target) throws Exception {
        long t0 = System.nanoTime();
        AttachedRecording recording = AttachedRecording.start(new JfrAttach(target, "profile"), SAFETY);
        long started = System.nanoTime();
        try {
            // Unbounded, so that no part of a long run is dropped, and stopping itself after the safety limit.
            assertThat(recordingsIn(target)).extracting(RecordingInfo::getName, RecordingInfo::getState,
                            RecordingInfo::getMaxAge, RecordingInfo::getMaxSize, RecordingInfo::getDuration)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("perfgate", "RUNNING", 0L, 0L,
                            SAFETY.toSeconds()));
            TestApps.load(service, Duration.ofSeconds(1)); // warm-up, outside the windows

            Instant begin1 = Instant.now();
            TestApps.load(service, Duration.ofSeconds(2));
            Instant end1 = Instant.now();
            long copy0 = System.nanoTime();
            Path first = recording.copy(dir.resolve("out/trial-1.jfr"), begin1, end1);
            long copied = System.nanoTime();

            Instant begin2 = Instant.now();
            TestApps.load(service, Duration.ofSeconds(2));
            Instant end2 = Instant.now();
            Path second = recording.copy(dir.resolve("out/trial-2.jfr"), begin2, end2);

            assertThat(first).isEqualTo(dir.resolve("out/trial-1.jfr").toAbsolutePath());
            assertHasEventsIn(first, begin1, end1);
            assertHasEventsIn(second, begin2, end2);
            // The snapshots taken for the copies are closed again: only perfgate's own recording is left.
            assertThat(recordingsIn(target)).extracting(RecordingInfo::getName).containsExactly("perfgate");
            System.out.printf("timing: %s attach+start %d ms, copy of a 2 s window (%d kB) %d ms%n",
                    target.describe(), (started - t0) / 1_000_000, Files.size(first) / 1024,
                    (copied - copy0) / 1_000_000);
        } finally {
            recording.close();
        }
        assertThat(recording.closeProblem()).isEmpty();
        assertThatThrownBy(() -> recording.copy(dir.resolve("late.jfr"), Instant.now(), Instant.now()))
                .isInstanceOf(ServiceException.class);
    }

    private static void assertHasEventsIn(Path file, Instant begin, Instant end) throws Exception {
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        assertThat(events).anySatisfy(e -> assertThat(e.getStartTime()).isBetween(begin, end));
        assertThat(events).anySatisfy(e -> assertThat(e.getEventType().getName()).isEqualTo("jdk.ExecutionSample"));
        // the JVM's environment, its system properties and the machine's processes stay out of the copies
        assertThat(events).extracting(e -> e.getEventType().getName()).doesNotContain(
                "jdk.InitialEnvironmentVariable", "jdk.InitialSystemProperty", "jdk.SystemProcess");
    }

    /** The recordings the target JVM has now, over a connection of its own. */
    private static List<RecordingInfo> recordingsIn(JmxTarget target) throws Exception {
        try (JMXConnector connector = target.connect()) {
            return JMX.newMXBeanProxy(connector.getMBeanServerConnection(),
                    new ObjectName(FlightRecorderMXBean.MXBEAN_NAME), FlightRecorderMXBean.class).getRecordings();
        }
    }

    private ServiceSpec echoServer(List<String> jvmArgs) {
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-Dsun.net.httpserver.nodelay=true");
        return TestApps.main(EchoServer.class).jvmArgs(args)
                .logFile(dir.resolve("service.log"))
                .readiness(Readiness.http("http://127.0.0.1:${perfgate.port}/"))
                .jfr(JfrOptions.disabled())
                .build();
    }

    private static List<String> jmxRemote(int port, boolean authenticate) {
        return List.of("-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1",
                "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=" + authenticate,
                "-Dcom.sun.management.jmxremote.ssl=false");
    }

    private static String jmxUrl(int port) {
        return "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi";
    }

}
