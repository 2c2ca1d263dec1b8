package dev.perfgate.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import dev.perfgate.testing.TestApps;

import dev.perfgate.testing.apps.EchoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A JVM service recorded with JFR; per-trial windows are cut out with jcmd and must parse. */
@Timeout(300)
@Tag("slow")
class JfrTest {
    private static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @TempDir
    Path dir;

    @Test
    void dumpsATrialWindowThatParsesAndHasEvents() throws Exception {
        recordAndDump(ServiceSpec.currentJava());
    }

    @Test
    void dumpsWithTheJcmdOfAnotherJdk() throws Exception {
        assumeTrue(Files.isExecutable(JAVA_25), "no JDK 25 on this machine");
        recordAndDump(JAVA_25);
    }

    /** The EchoServer with JFR's profile settings, answering on a free port. */
    private ServiceSpec.Builder profiledEchoServer() {
        return TestApps.main(EchoServer.class)
                .jvmArgs("-Dsun.net.httpserver.nodelay=true")
                .logFile(dir.resolve("service.log"))
                .readiness(Readiness.http("http://127.0.0.1:${perfgate.port}/"))
                .jfr(JfrOptions.profile(dir));
    }

    private void recordAndDump(Path java) throws Exception {
        ServiceSpec spec = profiledEchoServer().javaExecutable(java).build();
        Path wholeRun;
        try (ServiceProcess service = ServiceProcess.start(spec)) {
            service.awaitReady();
            wholeRun = service.jfrFile().orElseThrow();

            Instant begin = Instant.now();
            TestApps.load(service, Duration.ofSeconds(3));
            Instant end = Instant.now();
            Path trial = service.dumpJfr(dir.resolve("trials/trial-1.jfr"), begin, end);

            List<RecordedEvent> events = RecordingFile.readAllEvents(trial);
            assertThat(events).isNotEmpty();
            // The dump holds whole chunks, so look for events inside the window rather than only inside it.
            assertThat(events).anySatisfy(event -> assertThat(event.getStartTime())
                    .isBetween(begin.minusSeconds(1), end.plusSeconds(1)));
            assertThat(events).anySatisfy(event ->
                    assertThat(event.getEventType().getName()).isEqualTo("jdk.ExecutionSample"));

            // A second, later window (the next trial) works as well.
            Instant begin2 = Instant.now();
            TestApps.load(service, Duration.ofSeconds(1));
            Path trial2 = service.dumpJfr(dir.resolve("trials/trial-2.jfr"), begin2, Instant.now());
            try (RecordingFile file = new RecordingFile(trial2)) {
                assertThat(file.hasMoreEvents()).isTrue();
            }

            assertThatThrownBy(() -> JfrControl.dump(JfrControl.jcmdFor(java), service.pid(), "no-such-recording",
                    dir.resolve("x.jfr"), begin, end))
                    .isInstanceOf(ServiceException.class)
                    .hasMessageContaining("JFR dump failed")
                    .hasMessageContaining("no-such-recording");
        }
        // Stopped with SIGTERM, the JVM wrote the whole-run recording on exit.
        assertThat(wholeRun).isNotEmptyFile();
        assertThat(RecordingFile.readAllEvents(wholeRun)).isNotEmpty();
        assertThat(Files.readString(dir.resolve("service.log"))).doesNotContain("Started recording");
    }

    @Test
    void eventSettingsOverrideThoseOfTheSettingsFile() throws Exception {
        ServiceSpec spec = TestApps.main(EchoServer.class)
                .logFile(dir.resolve("service.log"))
                .readiness(Readiness.http("http://127.0.0.1:${perfgate.port}/"))
                .jfr(new JfrOptions(true, "profile", List.of("jdk.JavaMonitorEnter#threshold=7 ms",
                        "jdk.GCPhaseParallel#enabled=false"), dir))
                .build();
        Path wholeRun;
        try (ServiceProcess service = ServiceProcess.start(spec)) {
            service.awaitReady();
            wholeRun = service.jfrFile().orElseThrow();
            TestApps.load(service, Duration.ofSeconds(1));
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(wholeRun);
        // jdk.ActiveSetting records every setting in force; 7 ms is no threshold of the profile settings
        assertThat(events).anySatisfy(e -> {
            assertThat(e.getEventType().getName()).isEqualTo("jdk.ActiveSetting");
            assertThat(e.getString("name")).isEqualTo("threshold");
            assertThat(e.getString("value")).isEqualTo("7 ms");
        });
        assertThat(events).noneSatisfy(e -> assertThat(e.getEventType().getName()).isEqualTo("jdk.GCPhaseParallel"));
    }

    @Test
    void recordingsCarryNeitherTheEnvironmentNorSystemPropertiesNorOtherProcesses() throws Exception {
        String token = "EnvTokenValue-" + System.nanoTime();
        ServiceSpec spec = profiledEchoServer().env("CI_TOKEN", token).build();
        Path wholeRun;
        Path trial;
        try (ServiceProcess service = ServiceProcess.start(spec)) {
            service.awaitReady();
            wholeRun = service.jfrFile().orElseThrow();
            Instant begin = Instant.now();
            TestApps.load(service, Duration.ofSeconds(1));
            trial = service.dumpJfr(dir.resolve("trial-1.jfr"), begin, Instant.now());
        }
        for (Path recording : List.of(wholeRun, trial)) {
            List<String> types = RecordingFile.readAllEvents(recording).stream()
                    .map(e -> e.getEventType().getName()).distinct().toList();
            assertThat(types).contains("jdk.JVMInformation", "jdk.ActiveSetting")
                    .doesNotContain("jdk.InitialEnvironmentVariable", "jdk.InitialSystemProperty", "jdk.SystemProcess");
            // strings in a recording are stored as UTF-8 or Latin-1 bytes: an ASCII value would be found as it is
            String bytes = new String(Files.readAllBytes(recording), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain(token);
        }
    }

    @Test
    void malformedEventSettingsAndMissingSettingsFilesAreRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> new JfrOptions(true, "profile", List.of("jdk.JavaMonitorEnter#=1 ms"), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<event>#<setting>=<value>");
        assertThatThrownBy(() -> new JfrOptions(true, "profile", List.of("jdk.X#threshold=1 ms,jdk.Y#enabled=x"),
                dir)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without commas");
        assertThatThrownBy(() -> new JfrOptions(true, dir.resolve("missing.jfc").toString(), List.of(), dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.jfc does not exist");
    }

}
