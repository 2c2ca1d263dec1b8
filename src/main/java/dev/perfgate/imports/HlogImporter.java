package dev.perfgate.imports;

import dev.perfgate.result.Latencies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.DoubleHistogram;
import org.HdrHistogram.DoubleHistogramIterationValue;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogReader;

/**
 * Reads HdrHistogram interval logs ({@code .hlog}, written by {@code HistogramLogWriter}: perfgate's own
 * {@code trial-N.hlog}, wrk2 forks, Gatling/JMeter plugins, jHiccup, a team's own generator) with HdrHistogram's own
 * {@link HistogramLogReader}, adding every interval of a tag into one histogram per request name. Percentiles are
 * never averaged: histograms are added, within a file and across files ({@link #merge(List)}, for several
 * generator hosts).
 *
 * <p>Tags: perfgate's own layout ({@code corrected.NAME} / {@code uncorrected.NAME} per request, plus
 * {@code sendLag}, which is the generator's, not the service's, and skipped) is read back into the corrected and
 * uncorrected histograms of NAME. Any other tag is a request name whose values go into both; untagged intervals get
 * the default name. An interval log carries no errors: only latencies are imported.
 *
 * <p>Values: the log does not say its unit, so it is given ({@code MICROSECONDS} by default, as perfgate writes;
 * {@code NANOSECONDS} or {@code MILLISECONDS} for other writers) and converted into perfgate's microsecond histograms;
 * values beyond one hour are clamped. A log of floating-point histograms is converted the same way.
 *
 * <p>Fail closed: a line HdrHistogram cannot decode (bad base64, a cut line) raises {@link ResultFileException}
 * naming it, and so does a log without any interval.
 */
public final class HlogImporter {
    public static final String DEFAULT_NAME = "all";
    private static final String CORRECTED = "corrected.";
    private static final String UNCORRECTED = "uncorrected.";
    private static final String SEND_LAG = "sendLag";
    /** Interval timestamps below this are relative to an unknown start (no StartTime/BaseTime in the log). */
    private static final long YEAR_2000_MILLIS = 946_684_800_000L;

    private final String defaultName;
    private final TimeUnit unit;

    /** Untagged intervals are named {@value #DEFAULT_NAME}; values in microseconds. */
    public HlogImporter() {
        this(DEFAULT_NAME, TimeUnit.MICROSECONDS);
    }

    /**
     * @param defaultName the request name of untagged intervals
     * @param unit        the unit of the log's values: MICROSECONDS, NANOSECONDS or MILLISECONDS
     */
    public HlogImporter(String defaultName, TimeUnit unit) {
        this.defaultName = Objects.requireNonNull(defaultName, "defaultName");
        this.unit = Objects.requireNonNull(unit, "unit");
        if (unit != TimeUnit.MICROSECONDS && unit != TimeUnit.NANOSECONDS && unit != TimeUnit.MILLISECONDS) {
            throw new IllegalArgumentException("hlog unit " + unit + " is not one of MICROSECONDS, NANOSECONDS, "
                    + "MILLISECONDS");
        }
    }

    /** Parses a unit as configured: "us"/"microseconds", "ns"/"nanoseconds", "ms"/"milliseconds". */
    public static TimeUnit unit(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "", "us", "µs", "micros", "microseconds" -> TimeUnit.MICROSECONDS;
            case "ns", "nanos", "nanoseconds" -> TimeUnit.NANOSECONDS;
            case "ms", "millis", "milliseconds" -> TimeUnit.MILLISECONDS;
            default -> throw new IllegalArgumentException("hlog unit '" + text + "' is not one of microseconds, "
                    + "nanoseconds, milliseconds");
        };
    }

    /** Several logs (one per generator host) as one result: their histograms added. */
    public ImportedResults merge(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no interval logs to merge");
        }
        ImportedResults merged = new ImportedResults();
        for (Path file : files) {
            merged.merge(read(file));
        }
        return merged;
    }

    /** One interval log. */
    public ImportedResults read(Path file) throws IOException {
        List<Long> dataLines = dataLines(file);
        Map<String, Histogram> byTag = new LinkedHashMap<>();
        ImportedResults results = new ImportedResults();
        int read = 0;
        try (InputStream in = ResultLines.stream(file); HistogramLogReader reader = new HistogramLogReader(in)) {
            while (true) {
                EncodableHistogram h;
                try {
                    h = reader.nextIntervalHistogram();
                } catch (RuntimeException e) {
                    long line = read < dataLines.size() ? dataLines.get(read) : 0;
                    throw new ResultFileException(file, line, "HdrHistogram cannot decode this interval ("
                            + e + "): the log is corrupt or was cut while being written", e);
                }
                if (h == null) {
                    break;
                }
                read++;
                String tag = h.getTag() == null || h.getTag().isBlank() ? null : h.getTag();
                Histogram micros = byTag.computeIfAbsent(tag, t -> Latencies.newHistogram());
                addConverted(h, micros);
                if (h.getStartTimeStamp() >= YEAR_2000_MILLIS) {
                    results.seen(h.getStartTimeStamp());
                }
                if (h.getEndTimeStamp() >= YEAR_2000_MILLIS) {
                    results.seen(h.getEndTimeStamp());
                }
            }
        }
        if (read < dataLines.size()) {
            // HistogramLogReader stops quietly at a line it cannot scan (a cut line): never a silent partial read
            throw new ResultFileException(file, dataLines.get(read), "HdrHistogram cannot read this interval: the "
                    + "log is corrupt or was cut while being written");
        }
        if (read == 0) {
            throw new ResultFileException(file, 0, "no data: the interval log holds no interval histogram");
        }
        assemble(byTag, results);
        return results;
    }

    private void assemble(Map<String, Histogram> byTag, ImportedResults results) {
        boolean perfgateLayout = byTag.keySet().stream()
                .anyMatch(t -> t != null && (t.startsWith(CORRECTED) || t.startsWith(UNCORRECTED)));
        for (Map.Entry<String, Histogram> e : byTag.entrySet()) {
            String tag = e.getKey();
            if (tag == null) {
                results.add(defaultName, e.getValue(), e.getValue());
            } else if (perfgateLayout && tag.equals(SEND_LAG)) {
                continue;
            } else if (perfgateLayout && tag.startsWith(CORRECTED)) {
                String name = tag.substring(CORRECTED.length());
                Histogram uncorrected = byTag.get(UNCORRECTED + name);
                results.add(name, e.getValue(), uncorrected == null ? e.getValue() : uncorrected);
            } else if (perfgateLayout && tag.startsWith(UNCORRECTED)) {
                String name = tag.substring(UNCORRECTED.length());
                if (!byTag.containsKey(CORRECTED + name)) {
                    results.add(name, e.getValue(), e.getValue());
                    results.warn("interval log: '" + name + "' has only an uncorrected histogram; its latencies "
                            + "are service times, not corrected for coordinated omission");
                }
            } else {
                results.add(tag, e.getValue(), e.getValue());
            }
        }
    }

    /** Adds {@code h}'s values, in {@link #unit}, into {@code micros}: each bucket at its middle value. */
    private void addConverted(EncodableHistogram h, Histogram micros) {
        if (h instanceof AbstractHistogram a) {
            for (HistogramIterationValue v : a.recordedValues()) {
                long value = a.medianEquivalentValue(v.getValueIteratedTo());
                micros.recordValueWithCount(toMicros(value), v.getCountAddedInThisIterationStep());
            }
        } else if (h instanceof DoubleHistogram d) {
            for (DoubleHistogramIterationValue v : d.recordedValues()) {
                double value = d.medianEquivalentValue(v.getValueIteratedTo());
                micros.recordValueWithCount(toMicros(value), v.getCountAddedInThisIterationStep());
            }
        } else {
            throw new IllegalStateException("unknown histogram type " + h.getClass().getName());
        }
    }

    private long toMicros(long value) {
        return switch (unit) {
            case NANOSECONDS -> Latencies.clampMicros(Math.round(value / 1000.0));
            case MILLISECONDS -> Latencies.clampMicros(value > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : value * 1000);
            default -> Latencies.clampMicros(value);
        };
    }

    private long toMicros(double value) {
        double micros = switch (unit) {
            case NANOSECONDS -> value / 1000.0;
            case MILLISECONDS -> value * 1000.0;
            default -> value;
        };
        return Latencies.clampMicros(micros >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(micros));
    }

    /** 1-based numbers of the lines that hold an interval (not comments, headers or the legend), in order. */
    private static List<Long> dataLines(Path file) throws IOException {
        List<Long> lines = new ArrayList<>();
        try (ResultLines in = ResultLines.open(file)) {
            String line;
            while ((line = in.next()) != null) {
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#") || t.startsWith("\"")) {
                    continue;
                }
                if (in.lastLineCut()) {
                    throw new ResultFileException(file, in.number(), "the last line is cut off (the writer was "
                            + "stopped while writing?)");
                }
                lines.add(in.number());
            }
        }
        return lines;
    }
}
