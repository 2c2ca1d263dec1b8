package dev.perfgate.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * One streaming pass over a .jfr file, restricted to a time window, into a {@link ProfileSummary}. Streaming, so a
 * long recording never has to fit in memory; restricted by event timestamps, because the per-trial files hold
 * whole JFR chunks that reach into the warm-up and the neighbouring trials.
 *
 * <p>Only jdk.ExecutionSample counts as CPU samples: JDK 25's jdk.CPUTimeSample measures something else (CPU time,
 * not wall-clock periods) and mixing the two would make shares meaningless.
 */
public final class ProfileAnalyzer {
    /** Below this many Java samples a share of a few per cent is noise: one sample more or less moves it. */
    static final long FEW_SAMPLES = 200;
    private static final int TOP = 20;
    /** Stacks are long: twenty of them, each cut to its leaf-most frames, keep run.json and baselines small. */
    private static final int STACKS = 20;
    private static final Map<String, String> IO_KINDS = Map.of("jdk.SocketRead", "socket read",
            "jdk.SocketWrite", "socket write", "jdk.FileRead", "file read", "jdk.FileWrite", "file write");
    static final int STACK_DEPTH = 24;

    /**
     * Frames at the top of a parked thread that mean "idle worker waiting for work", not contention: counting
     * them would make every thread pool look like a lock problem.
     */
    private static final Set<String> IDLE_PARK_SITES = Set.of(
            "java.util.concurrent.ThreadPoolExecutor.getTask",
            "java.util.concurrent.ForkJoinPool.awaitWork",
            "java.util.concurrent.ForkJoinPool.runWorker",
            "java.util.concurrent.ScheduledThreadPoolExecutor$DelayedWorkQueue.take",
            "java.util.concurrent.SynchronousQueue$TransferStack.transfer",
            "java.util.concurrent.SynchronousQueue.poll",
            "java.util.concurrent.LinkedTransferQueue.awaitMatch",
            // a Java scenario's runner: workers waiting for the next due operation, the pacer, the trial's clock
            "dev.perfgate.scenario.ScenarioTrial.takeOpen",
            "dev.perfgate.scenario.ScenarioTrial.pace",
            "dev.perfgate.scenario.ScenarioTrial.sleepUntil",
            "dev.perfgate.scenario.ScenarioTrial.awaitWorkers");

    private ProfileAnalyzer() {
    }

    /**
     * @param file  a JFR recording (JDK 17 or newer)
     * @param from  start of the window, inclusive; null for the whole file
     * @param to    end of the window, exclusive; null for the whole file
     */
    public static ProfileSummary analyze(Path file, Instant from, Instant to) throws IOException {
        return analyze(List.of(new Window(file, from, to)));
    }

    /** A recording and the part of it to analyse; null ends mean "from the start" / "to the end". */
    public record Window(Path file, Instant from, Instant to) {
    }

    /**
     * One summary over several windows, e.g. every trial of a run: counts add up across them, so shares rest on
     * all samples of the run and two runs can be compared sample for sample.
     */
    public static ProfileSummary analyze(List<Window> windows) throws IOException {
        Accumulator acc = new Accumulator();
        for (Window w : windows) {
            acc.read(w);
        }
        return acc.summary(windows);
    }

    private static final class Accumulator {
        final Tally self = new Tally();
        final Tally total = new Tally();
        final Tally stacks = new Tally();
        final SiteTally allocation = new SiteTally();
        final SiteTally allocationSites = new SiteTally();
        final SiteTally monitors = new SiteTally();
        final SiteTally monitorSites = new SiteTally();
        final SiteTally parks = new SiteTally();
        final SiteTally parkSites = new SiteTally();
        final SiteTally io = new SiteTally();
        final Tally gcCauses = new Tally();
        long javaSamples;
        long nativeSamples;
        long allocationSamples;
        long allocationBytes;
        long measuredMillis;
        Integer hardwareThreads;
        long collections;
        double pauseTotal;
        double pauseLongest;
        double jvmCpu;
        double machineCpu;
        int cpuEvents;
        Instant first;
        Instant last;

        void read(Window w) throws IOException {
            Instant firstHere = null;
            Instant lastHere = null;
            try (RecordingFile recording = new RecordingFile(w.file())) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent e = recording.readEvent();
                    if (e.getEventType().getName().equals("jdk.CPUInformation")) {
                        // written once per chunk, at its start: usually before the window, still true of it
                        hardwareThreads = e.getInt("hwThreads");
                        continue;
                    }
                    Instant t = e.getStartTime();
                    if ((w.from() != null && t.isBefore(w.from())) || (w.to() != null && !t.isBefore(w.to()))) {
                        continue;
                    }
                    firstHere = firstHere == null || t.isBefore(firstHere) ? t : firstHere;
                    lastHere = lastHere == null || t.isAfter(lastHere) ? t : lastHere;
                    add(e);
                }
            }
            Instant from = w.from() != null ? w.from() : firstHere;
            Instant to = w.to() != null ? w.to() : lastHere;
            if (from != null && to != null && to.isAfter(from)) {
                measuredMillis += Duration.between(from, to).toMillis();
            }
            if (firstHere != null) {
                first = first == null || firstHere.isBefore(first) ? firstHere : first;
                last = last == null || lastHere.isAfter(last) ? lastHere : last;
            }
        }

        private void add(RecordedEvent e) {
            switch (e.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    javaSamples++;
                    countStack(e.getStackTrace(), self, total, stacks);
                }
                case "jdk.NativeMethodSample" -> nativeSamples++;
                case "jdk.ObjectAllocationSample" -> {
                    long weight = e.getLong("weight");
                    allocationSamples++;
                    allocationBytes += weight;
                    allocation.add(className(e.getClass("objectClass")), weight);
                    allocationSites.add(FrameNames.applicationSite(e.getStackTrace()), weight);
                }
                case "jdk.GarbageCollection" -> {
                    collections++;
                    pauseTotal += millis(e.getDuration("sumOfPauses"));
                    pauseLongest = Math.max(pauseLongest, millis(e.getDuration("longestPause")));
                    gcCauses.add(e.getString("cause"), 1);
                }
                case "jdk.JavaMonitorEnter" -> {
                    double waited = millis(e.getDuration());
                    monitors.add(className(e.getClass("monitorClass")), waited);
                    monitorSites.add(FrameNames.applicationSite(e.getStackTrace()), waited);
                }
                case "jdk.ThreadPark" -> {
                    if (!idlePark(e.getStackTrace())) {
                        double parked = millis(e.getDuration());
                        parks.add(className(e.getClass("parkedClass")), parked);
                        parkSites.add(FrameNames.applicationSite(e.getStackTrace()), parked);
                    }
                }
                case "jdk.SocketRead", "jdk.SocketWrite", "jdk.FileRead", "jdk.FileWrite" ->
                    io.add(IO_KINDS.get(e.getEventType().getName()) + ": "
                            + FrameNames.applicationSite(e.getStackTrace()), millis(e.getDuration()));
                case "jdk.CPULoad" -> {
                    jvmCpu += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                    machineCpu += e.getFloat("machineTotal");
                    cpuEvents++;
                }
                default -> {
                }
            }
        }

        ProfileSummary summary(List<Window> windows) {
            List<String> warnings = new ArrayList<>();
            if (javaSamples < FEW_SAMPLES) {
                warnings.add("only " + javaSamples + " CPU samples in the window: shares of a few per cent are "
                        + "noise; use longer or more trials (HotSpot samples few threads per period, fewer on a "
                        + "busy machine)");
            }
            Instant from = windows.isEmpty() ? null : windows.get(0).from();
            Instant to = windows.isEmpty() ? null : windows.get(windows.size() - 1).to();
            long startMillis = from != null ? from.toEpochMilli() : first == null ? 0 : first.toEpochMilli();
            long endMillis = to != null ? to.toEpochMilli() : last == null ? 0 : last.toEpochMilli();
            ProfileSummary summary = new ProfileSummary(startMillis, endMillis, measuredMillis, javaSamples,
                    nativeSamples, self.top(TOP), total.top(TOP), stacks.top(STACKS), allocationSamples,
                    allocationBytes, allocation.top(TOP), allocationSites.top(TOP),
                    new ProfileSummary.Gc(collections, pauseTotal, pauseLongest, gcCauses.top(TOP)),
                    monitors.top(TOP), monitorSites.top(TOP), parks.top(TOP), parkSites.top(TOP), io.top(TOP),
                    cpuEvents == 0 ? null : jvmCpu / cpuEvents, cpuEvents == 0 ? null : machineCpu / cpuEvents,
                    hardwareThreads, null, null, null, warnings);
            return summary.withBottleneck(Bottleneck.of(summary));
        }
    }

    private static void countStack(RecordedStackTrace trace, Tally self, Tally total, Tally stacks) {
        if (trace == null || trace.getFrames().isEmpty()) {
            self.add("unknown", 1);
            return;
        }
        List<RecordedFrame> frames = trace.getFrames();
        self.add(FrameNames.of(frames.get(0)), 1);
        // a recursive method is on the stack more than once but spent the sample only once
        Set<String> seen = new LinkedHashSet<>();
        StringBuilder collapsed = new StringBuilder(frames.size() > STACK_DEPTH ? "…" : "");
        for (int i = frames.size() - 1; i >= 0; i--) {
            String name = FrameNames.of(frames.get(i));
            seen.add(name);
            if (i < STACK_DEPTH) {
                if (collapsed.length() > 0) {
                    collapsed.append(';');
                }
                collapsed.append(name);
            }
        }
        seen.forEach(name -> total.add(name, 1));
        stacks.add(collapsed.toString(), 1);
    }

    /** Package-visible: the lock flame graph leaves out the same idle parks. */
    static boolean idlePark(RecordedStackTrace trace) {
        if (trace == null) {
            return false;
        }
        for (RecordedFrame f : trace.getFrames()) {
            if (IDLE_PARK_SITES.contains(FrameNames.of(f))) {
                return true;
            }
        }
        return false;
    }

    private static String className(RecordedClass c) {
        return c == null ? "unknown" : FrameNames.readableClass(c.getName());
    }

    private static double millis(Duration d) {
        return d == null ? 0 : d.toNanos() / 1e6;
    }

    /** Events and their weight by name; top(n) heaviest first, ties by name so that output is stable. */
    private static final class SiteTally {
        private final Map<String, double[]> sites = new HashMap<>();

        void add(String name, double value) {
            double[] eventsAndValue = sites.computeIfAbsent(name == null ? "unknown" : name, k -> new double[2]);
            eventsAndValue[0]++;
            eventsAndValue[1] += value;
        }

        List<ProfileSummary.Site> top(int n) {
            return sites.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, double[]> en) -> -en.getValue()[1])
                            .thenComparing(Map.Entry::getKey))
                    .limit(n).map(en -> new ProfileSummary.Site(en.getKey(), (long) en.getValue()[0],
                            Math.round(en.getValue()[1] * 1000) / 1000.0)).toList();
        }
    }

    /** Counts by name; top(n) most first, ties by name so that output is stable. */
    private static final class Tally {
        private final Map<String, Long> counts = new HashMap<>();

        void add(String name, long value) {
            counts.merge(name == null ? "unknown" : name, value, Long::sum);
        }

        List<ProfileSummary.Count> top(int n) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(n).map(en -> new ProfileSummary.Count(en.getKey(), en.getValue())).toList();
        }
    }
}
