package dev.perfgate.profile;

import static org.assertj.core.api.Assertions.assertThat;
import dev.perfgate.testing.FlamePage;
import dev.perfgate.testing.HeadlessChromium;
import dev.perfgate.testing.JfrWorkload;
import dev.perfgate.testing.PprofReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flame graphs and pprof profiles of a real JFR recording of this JVM: a hot method, an allocating one, a contended
 * monitor, a contended ReentrantLock and an idle pool worker, each in a method with a name the test looks for.
 */
@Tag("slow")
class FlameGraphsTest {
    private static final String WORKLOAD = JfrWorkload.class.getName();
    private static final String SYNC = "java.util.concurrent.locks.ReentrantLock$NonfairSync";

    @TempDir
    static Path dir;
    static Path recording;
    static Instant started;
    static ProfileStacks stacks;

    @BeforeAll
    static void record() throws Exception {
        recording = dir.resolve("workload.jfr");
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        // a worker that waits for work ~100 ms at a time: parks the lock graph must leave out
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
        try (Recording r = new Recording(Configuration.getConfiguration("profile"))) {
            r.start();
            started = Instant.now();
            threads.add(new Thread(() -> JfrWorkload.spin(running), "spin"));
            threads.add(new Thread(() -> JfrWorkload.churn(running), "churn"));
            for (int i = 1; i <= 2; i++) {
                threads.add(new Thread(() -> JfrWorkload.holdMonitor(running), "monitor-" + i));
                threads.add(new Thread(() -> JfrWorkload.holdLock(running), "lock-" + i));
            }
            threads.forEach(Thread::start);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (System.nanoTime() < end) {
                pool.execute(() -> { });
                Thread.sleep(100);
            }
            running.set(false);
            for (Thread t : threads) {
                t.join(10_000);
            }
            r.stop();
            r.dump(recording);
        } finally {
            pool.shutdownNow();
        }
        stacks = ProfileStacks.read(List.of(new ProfileAnalyzer.Window(recording, null, null)));
    }

    @Test
    void cpuGraphDrawsTheHotMethodAsJavaCode() throws Exception {
        Path html = dir.resolve("flame-cpu.html");
        long samples = FlameGraphs.cpu(List.of(new ProfileAnalyzer.Window(recording, null, null)), html, "CPU");

        assertThat(samples).isEqualTo(ProfileStacks.total(stacks.cpu()))
                .isEqualTo(ProfileAnalyzer.analyze(recording, null, null).javaSamples());
        assertThat(stacks.cpu().keySet()).anySatisfy(s -> assertThat(s).contains(WORKLOAD + ".spin"));
        FlamePage page = FlamePage.read(html);
        assertThat(page.title()).isEqualTo("CPU");
        FlamePage.Frame spin = page.frame(WORKLOAD + ".spin").orElseThrow();
        assertThat(spin.type()).as("drawn in the Java colour, not the native one").isEqualTo(1);
        assertThat(spin.width()).isPositive();
        // opens from disk: no script or style is fetched
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").doesNotContain("<script src")
                .doesNotContain("<link");
    }

    @Test
    void allocationGraphEndsInTheAllocatedClassAboveTheAllocatingMethod() throws Exception {
        Path html = dir.resolve("flame-alloc.html");
        FlameGraphs.draw(stacks.allocation(), html, "allocation");

        String churnStack = stacks.allocation().keySet().stream()
                .filter(s -> s.endsWith(WORKLOAD + ".churn;long[]" + ProfileStacks.CLASS_FRAME)).findFirst()
                .orElseThrow();
        assertThat(stacks.allocation().get(churnStack)).as("bytes, by JFR's weight").isGreaterThan(4096);
        FlamePage page = FlamePage.read(html);
        FlamePage.Frame array = page.all("long[]").stream()
                .filter(f -> page.parent(f).map(FlamePage.Frame::name).orElse("").equals(WORKLOAD + ".churn"))
                .findFirst().orElseThrow();
        assertThat(array.type()).as("drawn in the class colour").isEqualTo(2);
        assertThat(page.parent(array).orElseThrow().type()).isEqualTo(1);
        assertThat(array.width()).isEqualTo(stacks.allocation().get(churnStack));
    }

    @Test
    void lockGraphShowsMonitorAndLockWaitsButNotIdleWorkers() throws Exception {
        Path html = dir.resolve("flame-lock.html");
        FlameGraphs.draw(stacks.locks(), html, "locks");

        Map<String, Long> byLeaf = stacks.locks().entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().substring(e.getKey().lastIndexOf(';') + 1), Map.Entry::getValue, Long::sum));
        String monitor = JfrWorkload.Monitor.class.getName() + ProfileStacks.CLASS_FRAME;
        assertThat(byLeaf).containsKeys(monitor, SYNC + ProfileStacks.CLASS_FRAME);
        assertThat(byLeaf.get(monitor)).as("nanoseconds: at least one wait over the 10 ms threshold")
                .isGreaterThanOrEqualTo(10_000_000L);
        String idle = "java.util.concurrent.ThreadPoolExecutor.getTask";
        assertThat(idleParks(idle)).as("the recording has idle parks to leave out").isPositive();
        assertThat(stacks.locks().keySet()).anySatisfy(s -> assertThat(s).contains(WORKLOAD + ".holdMonitor;"
                + monitor)).anySatisfy(s -> assertThat(s).contains(WORKLOAD + ".holdLock;"))
                .noneSatisfy(s -> assertThat(s).contains(idle));
        FlamePage page = FlamePage.read(html);
        assertThat(page.frame(JfrWorkload.Monitor.class.getName()).orElseThrow().type()).isEqualTo(2);
        assertThat(page.frame(SYNC).orElseThrow().type()).isEqualTo(2);
    }

    @Test
    void diffColoursFramesByTheChangeOfTheirShareNotTheirCount() throws Exception {
        // the candidate has twice the samples: b's share grew from 10 % to 50 %, a's fell from 90 % to 50 %
        Map<String, Long> baseline = Map.of("main;a", 90L, "main;b", 10L);
        Map<String, Long> candidate = Map.of("main;a", 100L, "main;b", 100L, "main;c", 4L);
        Path html = dir.resolve("flame-diff.html");
        FlameGraphs.diff(baseline, candidate, html, "run vs <baseline>");

        FlamePage page = FlamePage.read(html);
        assertThat(page.title()).startsWith("run vs &lt;baseline&gt; — ").endsWith(FlameGraphs.DIFF_LEGEND);
        assertThat(page.frame("b").orElseThrow().diff()).as("hotter: red").isPositive();
        assertThat(page.frame("a").orElseThrow().diff()).as("cooler: blue").isNegative();
        assertThat(page.frame("c").orElseThrow().diff()).as("new: yellow").isNull();
        assertThat(page.frame("main").orElseThrow().diff()).as("no self samples in either").isZero();
        // b: 100 of 204 samples now; at the baseline's 10 % it would have had 20
        assertThat(page.frame("b").orElseThrow().diff()).isBetween(79L, 81L);
        assertThat(page.frame("b").orElseThrow().width()).as("the candidate's graph").isEqualTo(100);
    }

    @Test
    void diffOfTheSameSharesIsUnchangedWhateverTheTotals() throws Exception {
        Path html = dir.resolve("flame-same.html");
        FlameGraphs.diff(Map.of("main;a", 10L, "main;b", 30L), Map.of("main;a", 100L, "main;b", 300L), html, "same");

        assertThat(FlamePage.read(html).frames()).extracting(FlamePage.Frame::diff).containsOnly(0L);
    }

    @Test
    void diffOfTopStacksUsesTheGivenTotals() throws Exception {
        // a profile summary keeps only the top stacks: a is 10 % of 1,000 samples, then 30 % of 1,000
        Path html = dir.resolve("flame-top.html");
        FlameGraphs.diff(Map.of("main;a", 100L), 1000, Map.of("main;a", 300L), 1000, html, "top");

        assertThat(FlamePage.read(html).frame("a").orElseThrow().diff()).isEqualTo(200);
    }

    @Test
    void diffOfTheRecordingAgainstItselfIsAllGrey() throws Exception {
        Path html = dir.resolve("flame-self-diff.html");
        FlameGraphs.diff(stacks.cpu(), stacks.cpu(), html, "itself");

        FlamePage page = FlamePage.read(html);
        assertThat(page.frame(WORKLOAD + ".spin")).isPresent();
        assertThat(page.frames()).extracting(FlamePage.Frame::diff).containsOnly(0L);
    }

    @Test
    void pprofProfilesRoundTripStacksAndWeights() throws Exception {
        Map<String, Map<String, Long>> kinds = Map.of("cpu", stacks.cpu(), "alloc", stacks.allocation(), "lock",
                stacks.locks());
        Map<String, Pprof.SampleType> types = Map.of("cpu", Pprof.CPU, "alloc", Pprof.ALLOCATION, "lock",
                Pprof.LOCKS);
        for (String kind : kinds.keySet()) {
            Path file = dir.resolve("profile-" + kind + ".pb.gz");
            Pprof.write(kinds.get(kind), types.get(kind), stacks.first(), stacks.last(), file);

            PprofReader profile = PprofReader.read(file);
            Pprof.SampleType type = types.get(kind);
            assertThat(profile.strings().get(0)).isEmpty();
            assertThat(profile.sampleTypes()).containsExactly(type.type() + "/" + type.unit());
            assertThat(profile.defaultSampleType()).isEqualTo(type.type());
            assertThat(profile.comments()).containsExactly(type.comment());
            assertThat(profile.mappingsHaveFunctions()).containsExactly(true);
            assertThat(profile.timeNanos()).isEqualTo(stacks.first().getEpochSecond() * 1_000_000_000L
                    + stacks.first().getNano());
            assertThat(profile.durationNanos()).isPositive();
            assertThat(profile.locationFunctions().values()).allSatisfy(fs -> assertThat(fs).hasSize(1));
            assertThat(profile.functionNames().values()).doesNotHaveDuplicates();
            assertThat(profile.collapsed()).as(kind).isEqualTo(withoutClassMarkers(kinds.get(kind)));
        }
        PprofReader alloc = PprofReader.read(dir.resolve("profile-alloc.pb.gz"));
        assertThat(alloc.samples()).anySatisfy(s -> {
            // leaf first: the allocated class, then the method that allocated it
            assertThat(alloc.name(s.locationIds().get(0))).isEqualTo("long[]");
            assertThat(alloc.name(s.locationIds().get(1))).isEqualTo(WORKLOAD + ".churn");
        });
    }

    @Test
    void profileFilesWritesEveryFileEvenForAWindowWithoutEvents() throws Exception {
        Path out = dir.resolve("empty");
        Instant later = Instant.now().plusSeconds(3600);
        ProfileStacks none = ProfileFiles.write(List.of(new ProfileAnalyzer.Window(recording, later,
                later.plusSeconds(1))), out, "nothing");

        assertThat(none.cpu()).isEmpty();
        for (String name : ProfileFiles.NAMES) {
            assertThat(out.resolve(name)).isNotEmptyFile();
        }
        assertThat(FlamePage.read(out.resolve(ProfileFiles.FLAME_CPU)).title())
                .isEqualTo("CPU samples of nothing (0 samples)");
        assertThat(PprofReader.read(out.resolve(ProfileFiles.PPROF_CPU)).samples()).isEmpty();
    }

    @Test
    void everyPageRendersInHeadlessChromium() throws Exception {
        Path chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium != null, "chromium is not on the PATH, so the flame graphs are not opened "
                + "in a browser; install it (apt-get install chromium, as .ci/run does) to run this test");
        Path out = dir.resolve("browser");
        ProfileStacks all = ProfileFiles.write(List.of(new ProfileAnalyzer.Window(recording, null, null)), out,
                "the <test>");
        ProfileStacks firstHalf = ProfileStacks.read(List.of(new ProfileAnalyzer.Window(recording, null,
                started.plusMillis(1000))));
        ProfileFiles.writeDiff(firstHalf, "its first half", all, "the <test>", out);

        for (String name : List.of(ProfileFiles.FLAME_CPU, ProfileFiles.FLAME_ALLOCATION, ProfileFiles.FLAME_LOCKS,
                ProfileFiles.FLAME_DIFF)) {
            HeadlessChromium.Rendered page = HeadlessChromium.open(chromium, out.resolve(name), dir);
            assertThat(page.log()).as(name + ": no script error in the console").doesNotContain("Uncaught");
            assertThat(page.dom()).as(name + ": the title, and the canvas sized by the script")
                    .contains("<h1>" + FlamePage.read(out.resolve(name)).title() + "</h1>")
                    .containsPattern("<canvas id=\"canvas\" width=\"\\d+\" height=\"\\d+\"")
                    .as(name + ": the script ran to its last line, search(), which hides the match bar")
                    .contains("<p id=\"match\" style=\"display: none;\">");
        }
    }

    private static long idleParks(String frame) throws Exception {
        long parks = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            if (e.getEventType().getName().equals("jdk.ThreadPark") && e.getStackTrace() != null
                    && ProfileStacks.collapsed(e.getStackTrace()).contains(frame)) {
                parks++;
            }
        }
        return parks;
    }

    private static Map<String, Long> withoutClassMarkers(Map<String, Long> stacks) {
        Map<String, Long> plain = new HashMap<>();
        stacks.forEach((k, v) -> plain.merge(k.replace(ProfileStacks.CLASS_FRAME, ""), v, Long::sum));
        return plain;
    }
}
