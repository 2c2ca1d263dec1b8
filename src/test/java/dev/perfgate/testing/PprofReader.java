package dev.perfgate.testing;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Decodes a gzipped pprof profile with protobuf-java's wire-format reader, by profile.proto's field numbers, into
 * what the tests check: the string table, sample types, functions, locations and samples.
 */
public record PprofReader(List<String> strings, List<String> sampleTypes, String defaultSampleType, long timeNanos,
        long durationNanos, List<String> comments, List<Boolean> mappingsHaveFunctions,
        Map<Long, String> functionNames, Map<Long, List<Long>> locationFunctions, List<Sample> samples) {

    public record Sample(List<Long> locationIds, List<Long> values) {
    }

    public static PprofReader read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            bytes = in.readAllBytes();
        }
        Map<Integer, List<Object>> profile = fields(bytes);
        List<String> strings = profile.getOrDefault(6, List.of()).stream()
                .map(b -> new String((byte[]) b, StandardCharsets.UTF_8)).toList();
        List<String> sampleTypes = new ArrayList<>();
        for (Object vt : profile.getOrDefault(1, List.of())) {
            Map<Integer, List<Object>> f = fields((byte[]) vt);
            sampleTypes.add(strings.get(intOf(f, 1)) + "/" + strings.get(intOf(f, 2)));
        }
        Map<Long, String> functions = new LinkedHashMap<>();
        for (Object fn : profile.getOrDefault(5, List.of())) {
            Map<Integer, List<Object>> f = fields((byte[]) fn);
            functions.put(longOf(f, 1), strings.get(intOf(f, 2)));
        }
        Map<Long, List<Long>> locations = new LinkedHashMap<>();
        for (Object loc : profile.getOrDefault(4, List.of())) {
            Map<Integer, List<Object>> f = fields((byte[]) loc);
            List<Long> lineFunctions = new ArrayList<>();
            for (Object line : f.getOrDefault(4, List.of())) {
                lineFunctions.add(longOf(fields((byte[]) line), 1));
            }
            locations.put(longOf(f, 1), lineFunctions);
        }
        List<Sample> samples = new ArrayList<>();
        for (Object s : profile.getOrDefault(2, List.of())) {
            Map<Integer, List<Object>> f = fields((byte[]) s);
            samples.add(new Sample(varints(f.get(1)), varints(f.get(2))));
        }
        List<String> comments = profile.getOrDefault(13, List.of()).stream()
                .map(i -> strings.get((int) (long) (Long) i)).toList();
        String defaultType = profile.containsKey(14) ? strings.get(intOf(profile, 14)) : null;
        List<Boolean> mappings = new ArrayList<>();
        for (Object m : profile.getOrDefault(3, List.of())) {
            mappings.add(longOf(fields((byte[]) m), 7) == 1);
        }
        return new PprofReader(strings, sampleTypes, defaultType, longOf(profile, 9), longOf(profile, 10), comments,
                mappings, functions, locations, samples);
    }

    /** Each sample's stack, root first and ';'-joined as collapsed stacks are, → its first value. */
    public Map<String, Long> collapsed() {
        Map<String, Long> stacks = new HashMap<>();
        for (Sample s : samples) {
            List<String> names = new ArrayList<>();
            for (Long location : s.locationIds()) {
                names.add(0, name(location));
            }
            stacks.merge(String.join(";", names), s.values().get(0), Long::sum);
        }
        return stacks;
    }

    /** The function name of a location (the last line's: the one the others were inlined into). */
    public String name(long location) {
        List<Long> functions = locationFunctions.get(location);
        return functionNames.get(functions.get(functions.size() - 1));
    }

    /** A message's fields by number: varints as Long, length-delimited fields as byte[]. */
    private static Map<Integer, List<Object>> fields(byte[] message) throws IOException {
        Map<Integer, List<Object>> fields = new HashMap<>();
        CodedInputStream in = CodedInputStream.newInstance(message);
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            Object value = switch (WireFormat.getTagWireType(tag)) {
                case WireFormat.WIRETYPE_VARINT -> in.readUInt64();
                case WireFormat.WIRETYPE_LENGTH_DELIMITED -> in.readByteArray();
                default -> throw new IllegalStateException("unexpected wire type in tag " + tag);
            };
            fields.computeIfAbsent(WireFormat.getTagFieldNumber(tag), k -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    /** A repeated integer field, packed (one byte[]) or not (several Longs). */
    private static List<Long> varints(List<Object> values) throws IOException {
        List<Long> result = new ArrayList<>();
        for (Object v : values == null ? List.of() : values) {
            if (v instanceof Long l) {
                result.add(l);
            } else {
                CodedInputStream in = CodedInputStream.newInstance((byte[]) v);
                while (!in.isAtEnd()) {
                    result.add(in.readUInt64());
                }
            }
        }
        return result;
    }

    private static long longOf(Map<Integer, List<Object>> f, int field) {
        List<Object> v = f.get(field);
        return v == null ? 0 : (Long) v.get(v.size() - 1);
    }

    private static int intOf(Map<Integer, List<Object>> f, int field) {
        return (int) longOf(f, field);
    }
}
