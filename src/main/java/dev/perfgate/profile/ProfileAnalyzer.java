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
    /** Stacks are long: ten of them, each cut to its leaf-most frames, keep run.json and baselines small. */
    private static final int STACKS = 10;
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
            "java.util.concurrent.LinkedTransferQueue.awaitMatch");

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
        final Tally allocation = new Tally();
        final Tally monitors = new Tally();
        final Tally parks = new Tally();
        final Tally gcCauses = new Tally();
        long javaSamples;
        long nativeSamples;
        long allocationBytes;
        long collections;
        double pauseTotal;
        double pauseLongest;
        double jvmCpu;
        double machineCpu;
        int cpuEvents;
        Instant first;
        Instant last;

        void read(Window w) throws IOException {
            try (RecordingFile recording = new RecordingFile(w.file())) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent e = recording.readEvent();
                    Instant t = e.getStartTime();
                    if ((w.from() != null && t.isBefore(w.from())) || (w.to() != null && !t.isBefore(w.to()))) {
                        continue;
                    }
                    first = first == null || t.isBefore(first) ? t : first;
                    last = last == null || t.isAfter(last) ? t : last;
                    add(e);
                }
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
                    allocationBytes += weight;
                    allocation.add(className(e.getClass("objectClass")), weight);
                }
                case "jdk.GarbageCollection" -> {
                    collections++;
                    pauseTotal += millis(e.getDuration("sumOfPauses"));
                    pauseLongest = Math.max(pauseLongest, millis(e.getDuration("longestPause")));
                    gcCauses.add(e.getString("cause"), 1);
                }
                case "jdk.JavaMonitorEnter" ->
                    monitors.add(className(e.getClass("monitorClass")), Math.round(millis(e.getDuration())));
                case "jdk.ThreadPark" -> {
                    if (!idlePark(e.getStackTrace())) {
                        parks.add(className(e.getClass("parkedClass")), Math.round(millis(e.getDuration())));
                    }
                }
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
            return new ProfileSummary(startMillis, endMillis, javaSamples, nativeSamples, self.top(TOP),
                    total.top(TOP), stacks.top(STACKS), allocationBytes, allocation.top(TOP),
                    new ProfileSummary.Gc(collections, pauseTotal, pauseLongest, gcCauses.top(TOP)),
                    monitors.top(TOP), parks.top(TOP), cpuEvents == 0 ? null : jvmCpu / cpuEvents,
                    cpuEvents == 0 ? null : machineCpu / cpuEvents, warnings);
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
