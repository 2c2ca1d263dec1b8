package dev.perfgate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMC's rules over real recordings: a JVM of its own that calls System.gc() and then idles, so that every
 * collection in its recording is a System.gc() one (JMC's SystemGc rule warns only then) and the idle part has
 * none; and a quiet recording of this JVM, with no System.gc() call.
 */
@Timeout(120)
@Tag("slow")
class HealthCheckTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;
    static Path storm;
    static Path quiet;
    static Instant quietFrom;

    /** Runs in its own JVM: a storm of System.gc() calls, then a quiet second with no collection at all. */
    public static final class GcStorm {
        public static void main(String[] args) throws InterruptedException {
            for (int i = 0; i < 8; i++) {
                System.gc();
                Thread.sleep(20);
            }
            Thread.sleep(100);
            // the window starts after the last collection has ended
            System.out.println("quiet " + Instant.now());
            System.out.flush();
            Thread.sleep(1_200);
        }
    }

    @BeforeAll
    static void recordGcStorm() throws Exception {
        storm = dir.resolve("storm.jfr");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // a young generation far larger than what start-up allocates: no collection but the program's own
        Process p = new ProcessBuilder(java.toString(), "-Xms128m", "-Xmx128m", "-Xmn64m", "-XX:+UseSerialGC",
                "-XX:StartFlightRecording=settings=profile,filename=" + storm, "-Xlog:jfr+startup=error",
                "-cp", System.getProperty("java.class.path"), GcStorm.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        String marker = out.lines().filter(l -> l.startsWith("quiet ")).findFirst().orElseThrow();
        quietFrom = Instant.parse(marker.substring("quiet ".length()));
        assertThat(storm).isNotEmptyFile();
    }

    @BeforeAll
    static void recordQuietly() throws Exception {
        quiet = dir.resolve("quiet.jfr");
        try (Recording r = new Recording(Configuration.getConfiguration("profile"))) {
            r.start();
            double x = 0;
            long end = System.nanoTime() + 500_000_000L;
            while (System.nanoTime() < end) {
                x += Math.sqrt(x + 1);
            }
            assertThat(x).isPositive();
            r.stop();
            r.dump(quiet);
        }
    }

    @Test
    void aStormOfSystemGcCallsTripsTheSystemGcRule() throws Exception {
        HealthReport report = HealthCheck.evaluate(whole(storm), HealthReport.Severity.WARNING, LIMIT);

        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("SystemGc");
            assertThat(f.severity()).isEqualTo(HealthReport.Severity.WARNING);
            assertThat(f.score()).isBetween(75, 100);
            assertThat(f.name()).isNotBlank();
            assertThat(f.summary()).isNotBlank().doesNotContain("<").doesNotContain("{").doesNotContain("\n");
            // JMC's explanation of this rule holds a <p>: the text comes without it
            assertThat(f.explanation()).contains("System.gc()").doesNotContain("<p>");
        });
        assertThat(report.findings()).allSatisfy(f -> assertThat(f.severity())
                .isEqualTo(HealthReport.Severity.WARNING));
        assertThat(report.findings()).isSortedAccordingTo((a, b) -> Integer.compare(
                HealthCheck.sortScore(b), HealthCheck.sortScore(a)));
        assertThat(report.rulesEvaluated()).isGreaterThan(10);
        assertThat(report.rulesNotApplicable()).isPositive();
        assertThat(report.notes()).isEmpty();
    }

    @Test
    void collectionsBeforeTheWindowDoNotCount() throws Exception {
        HealthReport report = HealthCheck.evaluate(
                List.of(new ProfileAnalyzer.Window(storm, quietFrom, quietFrom.plusSeconds(60))),
                HealthReport.Severity.OK, LIMIT);

        assertThat(report.findings()).extracting(HealthReport.Finding::rule).doesNotContain("SystemGc");
        // the window still knows the JVM: settings and flags, written at the start of the chunk, are kept
        assertThat(report.findings()).extracting(HealthReport.Finding::rule).contains("CompressedOops");
        assertThat(report.rulesEvaluated()).isGreaterThan(10);
    }

    @Test
    void aQuietRecordingHasNoSystemGcWarning() throws Exception {
        HealthReport report = HealthCheck.evaluate(whole(quiet), HealthReport.Severity.OK, LIMIT);

        assertThat(report.findings()).noneSatisfy(f -> {
            assertThat(f.rule()).isEqualTo("SystemGc");
            assertThat(f.severity()).isNotEqualTo(HealthReport.Severity.OK);
        });
        assertThat(report.rulesEvaluated()).isGreaterThan(10);
        assertThat(report.findings()).extracting(HealthReport.Finding::severity)
                .contains(HealthReport.Severity.OK);
    }

    @Test
    void eachFileCountsOnlyInsideItsOwnWindows() throws Exception {
        Instant never = Instant.now().plusSeconds(3600);
        HealthReport storming = HealthCheck.evaluate(List.of(new ProfileAnalyzer.Window(storm, null, null),
                new ProfileAnalyzer.Window(quiet, never, never.plusSeconds(1))), HealthReport.Severity.WARNING, LIMIT);
        assertThat(storming.findings()).extracting(HealthReport.Finding::rule).contains("SystemGc");

        // the whole quiet file does not open up the storm file's window
        HealthReport calm = HealthCheck.evaluate(List.of(new ProfileAnalyzer.Window(storm, quietFrom, never),
                new ProfileAnalyzer.Window(quiet, null, null)), HealthReport.Severity.WARNING, LIMIT);
        assertThat(calm.findings()).extracting(HealthReport.Finding::rule).doesNotContain("SystemGc");
    }

    @Test
    void theTimeLimitBoundsTheEvaluation() {
        assertThatThrownBy(() -> HealthCheck.evaluate(whole(storm), HealthReport.Severity.WARNING, Duration.ZERO))
                .isInstanceOf(IOException.class).hasMessageContaining("did not finish within the time limit");
    }

    @Test
    void aFileThatIsNoRecordingIsAnIoException() throws Exception {
        Path text = Files.writeString(dir.resolve("not.jfr"), "hello");
        assertThatThrownBy(() -> HealthCheck.evaluate(whole(text), HealthReport.Severity.WARNING, LIMIT))
                .isInstanceOf(IOException.class);
    }

    @Test
    void jmcLogsNothingToTheConsole() throws Exception {
        HealthCheck.evaluate(whole(storm), HealthReport.Severity.WARNING, LIMIT);
        assertThat(Logger.getLogger("org.openjdk.jmc.flightrecorder.rules.util.RulesToolkit")
                .isLoggable(Level.SEVERE)).isFalse();
    }

    private static List<ProfileAnalyzer.Window> whole(Path file) {
        return List.of(new ProfileAnalyzer.Window(file, null, null));
    }
}
