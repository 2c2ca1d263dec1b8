package dev.perfgate.profile;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The collapsed stacks of the measured windows, read in one pass for all the graphs and exports: CPU samples,
 * sampled allocation and lock waits. A stack is root first, ';'-joined, named by {@link FrameNames} (the same
 * names, untruncated, as the profile summary's stacks); the map's value is its weight.
 *
 * <p>In the allocation and lock stacks the leaf frame is a class (the allocated class, the monitor's or the park
 * blocker's), marked with the suffix {@value #CLASS_FRAME}: that is async-profiler's collapsed-format marker for
 * such frames, so its converter colours them as classes, not as methods.
 *
 * @param cpu        jdk.ExecutionSample, weighted 1 per sample
 * @param allocation jdk.ObjectAllocationSample, weighted by its {@code weight} (bytes)
 * @param locks      jdk.JavaMonitorEnter and jdk.ThreadPark (idle pool workers left out), weighted by duration (ns)
 * @param first      the first of these events, null if none
 * @param last       the last of these events, null if none
 */
public record ProfileStacks(Map<String, Long> cpu, Map<String, Long> allocation, Map<String, Long> locks,
        Instant first, Instant last) {
    public static final String CLASS_FRAME = "_[i]";

    public ProfileStacks {
        cpu = Map.copyOf(cpu);
        allocation = Map.copyOf(allocation);
        locks = Map.copyOf(locks);
    }

    /** Reads each window's events between its ends; null ends mean the whole file. */
    public static ProfileStacks read(List<ProfileAnalyzer.Window> windows) throws IOException {
        Reader reader = new Reader();
        for (ProfileAnalyzer.Window w : windows) {
            try (RecordingFile recording = new RecordingFile(w.file())) {
                while (recording.hasMoreEvents()) {
                    RecordedEvent e = recording.readEvent();
                    Instant t = e.getStartTime();
                    if ((w.from() == null || !t.isBefore(w.from())) && (w.to() == null || t.isBefore(w.to()))) {
                        reader.add(e);
                    }
                }
            }
        }
        return new ProfileStacks(reader.cpu, reader.allocation, reader.locks, reader.first, reader.last);
    }

    /** The total weight of a map of stacks: samples, bytes or nanoseconds. */
    public static long total(Map<String, Long> stacks) {
        return stacks.values().stream().mapToLong(Long::longValue).sum();
    }

    private static final class Reader {
        final Map<String, Long> cpu = new HashMap<>();
        final Map<String, Long> allocation = new HashMap<>();
        final Map<String, Long> locks = new HashMap<>();
        Instant first;
        Instant last;

        void add(RecordedEvent e) {
            switch (e.getEventType().getName()) {
                case "jdk.ExecutionSample" -> count(cpu, e, null, 1);
                case "jdk.ObjectAllocationSample" -> count(allocation, e, e.getClass("objectClass"),
                        e.getLong("weight"));
                case "jdk.JavaMonitorEnter" -> count(locks, e, e.getClass("monitorClass"),
                        e.getDuration().toNanos());
                case "jdk.ThreadPark" -> {
                    if (!ProfileAnalyzer.idlePark(e.getStackTrace())) {
                        count(locks, e, e.getClass("parkedClass"), e.getDuration().toNanos());
                    }
                }
                default -> {
                }
            }
        }

        private void count(Map<String, Long> stacks, RecordedEvent e, RecordedClass leaf, long weight) {
            if (e.getStackTrace() == null || weight <= 0) {
                return;
            }
            String stack = collapsed(e.getStackTrace());
            if (leaf != null) {
                stack = stack + ";" + FrameNames.readableClass(leaf.getName()) + CLASS_FRAME;
            }
            stacks.merge(stack, weight, Long::sum);
            Instant t = e.getStartTime();
            first = first == null || t.isBefore(first) ? t : first;
            last = last == null || t.isAfter(last) ? t : last;
        }
    }

    /** Root first, ';'-joined. */
    static String collapsed(RecordedStackTrace trace) {
        List<RecordedFrame> frames = trace.getFrames();
        StringBuilder b = new StringBuilder();
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(FrameNames.of(frames.get(i)));
        }
        return b.length() == 0 ? "unknown" : b.toString();
    }
}
