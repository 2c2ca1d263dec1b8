package dev.perfgate.profile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import one.proto.Proto;

/**
 * Collapsed stacks as a gzipped pprof profile (profile.proto), for {@code go tool pprof} and speedscope. Encoded
 * with the protobuf writer that ships in async-profiler's converter, which we already use for the flame graphs.
 *
 * <p>One sample type per file: speedscope shows a single sample type of a profile (the last one unless told
 * otherwise), so CPU, allocation and lock profiles in one file would hide two of them there.
 */
public final class Pprof {
    /** What a profile's values measure; type and unit named as Go's own profiles name them. */
    public record SampleType(String type, String unit, String comment) {
    }

    public static final SampleType CPU = new SampleType("samples", "count",
            "perfgate: Java CPU samples (jdk.ExecutionSample) of the measured windows");
    public static final SampleType ALLOCATION = new SampleType("alloc_space", "bytes",
            "perfgate: sampled allocation (jdk.ObjectAllocationSample weight) of the measured windows; the leaf is "
                    + "the allocated class");
    public static final SampleType LOCKS = new SampleType("delay", "nanoseconds",
            "perfgate: lock waits (jdk.JavaMonitorEnter, jdk.ThreadPark without idle pool workers) of the measured "
                    + "windows; the leaf is the monitor's or the blocker's class");

    // profile.proto field numbers
    private static final int PROFILE_SAMPLE_TYPE = 1;
    private static final int PROFILE_SAMPLE = 2;
    private static final int PROFILE_MAPPING = 3;
    private static final int PROFILE_LOCATION = 4;
    private static final int PROFILE_FUNCTION = 5;
    private static final int PROFILE_STRING_TABLE = 6;
    private static final int PROFILE_TIME_NANOS = 9;
    private static final int PROFILE_DURATION_NANOS = 10;
    private static final int PROFILE_COMMENT = 13;
    private static final int PROFILE_DEFAULT_SAMPLE_TYPE = 14;
    private static final int MAPPING_ID = 1;
    private static final int MAPPING_FILENAME = 5;
    private static final int MAPPING_HAS_FUNCTIONS = 7;

    private Pprof() {
    }

    /**
     * Writes {@code stacks} (root first, ';'-joined → weight, as {@link ProfileStacks} gives them) to {@code file},
     * gzipped.
     *
     * @param start the first event's time, or null
     * @param end   the last event's time, or null
     */
    public static void write(Map<String, Long> stacks, SampleType sampleType, Instant start, Instant end, Path file)
            throws IOException {
        Strings strings = new Strings();
        Map<String, Integer> functions = new LinkedHashMap<>();
        Proto profile = new Proto(64 * 1024);
        profile.field(PROFILE_SAMPLE_TYPE, new Proto(16).field(1, strings.index(sampleType.type()))
                .field(2, strings.index(sampleType.unit())));

        Proto sample = new Proto(256);
        Proto ids = new Proto(256);
        // sorted, so that the same stacks give the same bytes
        for (Map.Entry<String, Long> e : new TreeMap<>(stacks).entrySet()) {
            List<String> frames = frames(e.getKey());
            ids.reset();
            for (int i = frames.size() - 1; i >= 0; i--) { // pprof lists a sample's locations leaf first
                ids.writeInt(functions.computeIfAbsent(frames.get(i), f -> functions.size() + 1));
            }
            sample.reset();
            sample.field(1, ids).field(2, packed(e.getValue()));
            profile.field(PROFILE_SAMPLE, sample);
        }

        int mappingId = 1;
        profile.field(PROFILE_MAPPING, new Proto(16).field(MAPPING_ID, mappingId)
                .field(MAPPING_FILENAME, strings.index("jfr")).field(MAPPING_HAS_FUNCTIONS, 1));
        Proto message = new Proto(256);
        // one location per function: the stacks carry no line numbers, and ids may be shared as they are 1:1
        for (Map.Entry<String, Integer> f : functions.entrySet()) {
            message.reset();
            message.field(1, f.getValue()).field(2, mappingId).field(4, new Proto(16).field(1, f.getValue()));
            profile.field(PROFILE_LOCATION, message);
        }
        for (Map.Entry<String, Integer> f : functions.entrySet()) {
            int name = strings.index(f.getKey());
            message.reset();
            message.field(1, f.getValue()).field(2, name).field(3, name);
            profile.field(PROFILE_FUNCTION, message);
        }
        if (start != null) {
            profile.field(PROFILE_TIME_NANOS, start.getEpochSecond() * 1_000_000_000L + start.getNano());
            if (end != null && !end.isBefore(start)) {
                profile.field(PROFILE_DURATION_NANOS, Duration.between(start, end).toNanos());
            }
        }
        profile.field(PROFILE_COMMENT, strings.index(sampleType.comment()));
        profile.field(PROFILE_DEFAULT_SAMPLE_TYPE, strings.index(sampleType.type()));
        for (String s : strings.table) {
            profile.field(PROFILE_STRING_TABLE, s);
        }

        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(profile.buffer(), 0, profile.size());
        }
    }

    private static Proto packed(long value) {
        Proto p = new Proto(16);
        p.writeLong(value);
        return p;
    }

    /** The frames of a collapsed stack, root first, with the class marker taken off. */
    private static List<String> frames(String stack) {
        List<String> frames = new ArrayList<>();
        for (String f : stack.split(";", -1)) {
            frames.add(f.endsWith(ProfileStacks.CLASS_FRAME)
                    ? f.substring(0, f.length() - ProfileStacks.CLASS_FRAME.length()) : f);
        }
        return frames;
    }

    /** The string table: index 0 is "" by the format's rule. */
    private static final class Strings {
        final List<String> table = new ArrayList<>(List.of(""));
        final Map<String, Integer> index = new LinkedHashMap<>(Map.of("", 0));

        int index(String s) {
            return index.computeIfAbsent(s, k -> {
                table.add(k);
                return table.size() - 1;
            });
        }
    }
}
