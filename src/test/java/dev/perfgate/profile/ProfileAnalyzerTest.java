package dev.perfgate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import dev.perfgate.testing.JfrWorkload;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A real JFR recording of this JVM running a known workload: a hot method, an allocating one, a contended lock. */
@Tag("slow")
class ProfileAnalyzerTest {
    @TempDir
    static Path dir;
    static Path recording;
    static Instant started;
    static ProfileSummary summary;

    @BeforeAll
    static void record() throws Exception {
        recording = dir.resolve("workload.jfr");
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        try (Recording r = new Recording(Configuration.getConfiguration("profile"))) {
            r.start();
            started = Instant.now();
            threads.add(new Thread(() -> JfrWorkload.spin(running), "spin"));
            threads.add(new Thread(() -> JfrWorkload.churn(running), "churn"));
            threads.add(new Thread(() -> JfrWorkload.holdMonitor(running), "lock-1"));
            threads.add(new Thread(() -> JfrWorkload.holdMonitor(running), "lock-2"));
            threads.forEach(Thread::start);
            Thread.sleep(4_000);
            running.set(false);
            for (Thread t : threads) {
                t.join(10_000);
            }
            r.stop();
            r.dump(recording);
        }
        summary = ProfileAnalyzer.analyze(recording, null, null);
    }

    @Test
    void theHotMethodLeadsTheCpuSamples() {
        assertThat(summary.javaSamples()).isPositive();
        String spin = JfrWorkload.class.getName() + ".spin";
        assertThat(summary.totalTop()).extracting(ProfileSummary.Count::name).contains(spin);
        long spinSamples = summary.totalTop().stream().filter(c -> c.name().equals(spin))
                .mapToLong(ProfileSummary.Count::value).sum();
        // one of the two busy threads (the allocating one is the other); generous, for a busy 2-core machine
        assertThat(spinSamples).isGreaterThanOrEqualTo(Math.max(10, summary.javaSamples() / 10));
        assertThat(summary.stacksTop()).anySatisfy(c -> assertThat(c.name()).contains(spin));
        assertThat(summary.stacksTop().get(0).name()).doesNotStartWith(";");
    }

    @Test
    void allocationIsAttributedToTheAllocatedClass() {
        assertThat(summary.allocationBytes()).isPositive();
        assertThat(summary.allocationByClass().get(0).name()).isEqualTo("long[]");
    }

    @Test
    void contendedMonitorIsNamedByItsClass() {
        assertThat(summary.monitorByClass()).extracting(ProfileSummary.Site::name)
                .contains(JfrWorkload.Monitor.class.getName());
    }

    @Test
    void allocationAndLockSitesAreTheFirstFramesOutsideTheJdk() {
        assertThat(summary.allocationBySite()).isNotEmpty();
        assertThat(summary.allocationBySite().get(0).name()).isEqualTo(JfrWorkload.class.getName() + ".churn");
        assertThat(summary.allocationSamples()).isPositive();
        assertThat(summary.allocationBySite().get(0).events()).isPositive();
        assertThat(summary.monitorBySite()).extracting(ProfileSummary.Site::name)
                .contains(JfrWorkload.class.getName() + ".holdMonitor");
        // each wait is over the 10 ms threshold, so the waits' time is at least that many times 10 ms
        ProfileSummary.Site lock = summary.monitorBySite().stream()
                .filter(s -> s.name().endsWith(".holdMonitor")).findFirst().orElseThrow();
        assertThat(lock.value()).isGreaterThanOrEqualTo(10.0 * lock.events());
    }

    @Test
    void theMachineAndTheMeasuredTimeAreKnown() {
        assertThat(summary.hardwareThreads()).isPositive();
        // the recording ran about 4 s; the window is first to last event
        assertThat(summary.measuredMillis()).isBetween(2_000L, 60_000L);
    }

    @Test
    void withoutTheLoadTheBottleneckIsUndeterminedUnlessTheMachineIsSaturated() {
        assertThat(summary.bottleneck()).isNotNull();
        assertThat(summary.bottleneck().verdict()).isIn(Bottleneck.UNDETERMINED, Bottleneck.CPU_BOUND);
        // with the load known, a verdict is reached
        ProfileSummary loaded = summary.withLoad(1000, 5.0);
        assertThat(loaded.bottleneck().verdict()).isNotEqualTo(Bottleneck.UNDETERMINED);
        assertThat(loaded.requests()).isEqualTo(1000);
    }

    @Test
    void cpuLoadIsAveraged() {
        assertThat(summary.jvmCpu()).isNotNull().isBetween(0.0, 1.0);
        assertThat(summary.machineCpu()).isNotNull().isBetween(0.0, 1.0);
    }

    @Test
    void aWindowWithoutEventsHasNoSamplesAndSaysSo() throws Exception {
        Instant later = Instant.now().plusSeconds(3600);
        ProfileSummary empty = ProfileAnalyzer.analyze(recording, later, later.plusSeconds(10));
        assertThat(empty.javaSamples()).isZero();
        assertThat(empty.selfTop()).isEmpty();
        assertThat(empty.warnings()).singleElement().asString().startsWith("only 0 CPU samples in the window");
        assertThat(empty.windowStartMillis()).isEqualTo(later.toEpochMilli());
    }

    @Test
    void theWindowCutsEventsByTimestamp() throws Exception {
        // the first half of the workload only: fewer samples than the whole, but some
        ProfileSummary half = ProfileAnalyzer.analyze(recording, started, started.plusSeconds(2));
        assertThat(half.javaSamples()).isPositive().isLessThan(summary.javaSamples());
    }

    @Test
    void cpuFlameGraphIsSelfContainedHtmlWithTheHotMethod() throws Exception {
        Path html = dir.resolve("flame-cpu.html");
        long samples = FlameGraphs.cpu(List.of(new ProfileAnalyzer.Window(recording, null, null)), html, "test");
        assertThat(samples).isEqualTo(summary.javaSamples());
        String page = java.nio.file.Files.readString(html);
        // opens from disk: no script or style is fetched (the page only names the SVG namespace and its author)
        assertThat(page).startsWith("<!DOCTYPE html>").contains("spin").doesNotContain("<script src")
                .doesNotContain("<link");
    }

    @ParameterizedTest
    @CsvSource({"[J, long[]", "[[B, byte[][]", "[Ljava.lang.String;, java.lang.String[]", "java.lang.Object, java.lang.Object"})
    void arrayDescriptorsReadAsJava(String raw, String readable) {
        assertThat(FrameNames.readableClass(raw)).isEqualTo(readable);
    }

    @ParameterizedTest
    @CsvSource({
        "com.acme.Foo$$Lambda$123/0x0000000800c0b000, com.acme.Foo$$Lambda",
        "com.acme.Foo$$Lambda/0x000001f00109c400, com.acme.Foo$$Lambda",
        "com.acme.Foo$$Lambda+0x00007f458c007a08.373182087, com.acme.Foo$$Lambda",
        "com.acme.Hidden+0x00007f458c007a08.12, com.acme.Hidden",
        "jdk.proxy2.$Proxy12, jdk.proxy2.$Proxy",
        "com.acme.Search, com.acme.Search"})
    void generatedNamesAreStableAcrossJvms(String raw, String normalised) {
        assertThat(FrameNames.normalise(raw)).isEqualTo(normalised);
    }
}
