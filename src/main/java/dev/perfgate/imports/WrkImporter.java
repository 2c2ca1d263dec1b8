package dev.perfgate.imports;

import dev.perfgate.measure.ErrorKind;
import dev.perfgate.result.Latencies;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Reads the standard output of wrk2 run with {@code --latency} (and {@code -U}) into one request's histograms.
 *
 * <p>wrk2's "Detailed Percentile spectrum" is HdrHistogram's own percentile distribution of all recorded latencies
 * ({@code Value Percentile TotalCount 1/(1-Percentile)}, values in ms with microsecond resolution): each step's
 * TotalCount increase is recorded at its value, which rebuilds a histogram whose percentiles equal wrk2's at every
 * printed step (5 steps per halving of the remaining tail, so the tail is finest). The "Recorded Latency" spectrum,
 * timed by wrk2 from each request's intended send, becomes the corrected histogram; with {@code -U} the
 * "Uncorrected Latency" spectrum becomes the uncorrected one, without it the corrected one is used for both. wrk2
 * leaves its first calibration seconds out of the histograms, so they count fewer requests than its total line.
 *
 * <p>Plain wrk's {@code --latency} prints only four percentiles (50/75/90/99): no distribution can be rebuilt from
 * them honestly, so that output is refused with a message saying to use wrk2, rather than imported as an
 * approximation that gates could not tell from a measurement.
 *
 * <p>Errors: "Non-2xx or 3xx responses: N" are STATUS errors (those responses are in the histograms); "Socket
 * errors: connect a, read b, write c, timeout d" become CONNECT, IO and TIMEOUT errors, which wrk2 keeps out of its
 * histograms, so a warning says their latencies are missing.
 */
public final class WrkImporter {
    public static final String DEFAULT_NAME = "wrk";
    private static final Pattern HDR_SECTION = Pattern.compile("^\\s*Latency Distribution \\(HdrHistogram - (.*)\\)\\s*$");
    private static final Pattern PLAIN_SECTION = Pattern.compile("^\\s*Latency Distribution\\s*$");
    private static final Pattern SPECTRUM_LINE = Pattern.compile(
            "^\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)(?:\\s+(\\S+))?\\s*$");
    private static final Pattern MAX_LINE = Pattern.compile("^#\\[Max\\s*=\\s*([0-9.]+),\\s*Total count\\s*=\\s*(\\d+)]");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "^\\s*Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("^\\s*Non-2xx or 3xx responses: (\\d+)");

    private final String name;

    public WrkImporter() {
        this(DEFAULT_NAME);
    }

    /** @param name the request name the results get (wrk2 sends one request, or what its Lua script makes) */
    public WrkImporter(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public ImportedResults read(Path file) throws IOException {
        Histogram corrected = null;
        Histogram uncorrected = null;
        long status = 0;
        long connect = 0;
        long io = 0;
        long timeout = 0;
        String firstLine = null;
        try (ResultLines lines = ResultLines.open(file)) {
            String line;
            while ((line = lines.next()) != null) {
                if (firstLine == null && !line.isBlank()) {
                    firstLine = line.trim();
                }
                Matcher m;
                if ((m = HDR_SECTION.matcher(line)).matches()) {
                    boolean recorded = m.group(1).startsWith("Recorded");
                    Histogram h = spectrum(lines, line);
                    if (recorded) {
                        corrected = h;
                    } else {
                        uncorrected = h;
                    }
                } else if (PLAIN_SECTION.matcher(line).matches()) {
                    throw new ResultFileException(file, lines.number(), "wrk's --latency output has only four "
                            + "percentiles (50/75/90/99), not a distribution perfgate can gate on; use wrk2 "
                            + "(wrk -R RATE --latency, add -U for the uncorrected latencies), whose output is a full "
                            + "HdrHistogram distribution, or write an HdrHistogram log from a wrk Lua done() hook");
                } else if ((m = SOCKET_ERRORS.matcher(line)).find()) {
                    connect = Long.parseLong(m.group(1));
                    io = Long.parseLong(m.group(2)) + Long.parseLong(m.group(3));
                    timeout = Long.parseLong(m.group(4));
                } else if ((m = NON_2XX.matcher(line)).find()) {
                    status = Long.parseLong(m.group(1));
                }
            }
        }
        if (corrected == null) {
            if (firstLine == null) {
                throw new ResultFileException(file, 0, "no data: the wrk2 output is empty");
            }
            throw new ResultFileException(file, 0, "no latency distribution in this wrk2 output (run wrk2 with "
                    + "--latency or -U); it starts: " + firstLine);
        }
        ImportedResults results = new ImportedResults();
        results.add(name, corrected, uncorrected == null ? corrected : uncorrected);
        results.addErrors(name, ErrorKind.STATUS, status);
        results.addErrors(name, ErrorKind.CONNECT, connect);
        results.addErrors(name, ErrorKind.IO, io);
        results.addErrors(name, ErrorKind.TIMEOUT, timeout);
        if (connect + io + timeout > 0) {
            results.warn("wrk2 reported socket errors (connect " + connect + ", read/write " + io + ", timeout "
                    + timeout + "): they count as errors, but wrk2 leaves their latencies out of its distribution");
        }
        return results;
    }

    /** Reads one "Detailed Percentile spectrum" up to its {@code #[Max = ..., Total count = N]} line. */
    private static Histogram spectrum(ResultLines lines, String sectionLine) throws IOException {
        Path file = lines.file();
        long sectionAt = lines.number();
        String line;
        while ((line = lines.next()) != null && !line.trim().equals("Detailed Percentile spectrum:")) {
            if (HDR_SECTION.matcher(line).matches() || line.startsWith("----")) {
                break;
            }
        }
        if (line == null || !line.trim().equals("Detailed Percentile spectrum:")) {
            throw new ResultFileException(file, line == null ? sectionAt : lines.number(), "wrk2's '"
                    + sectionLine.trim() + "' has no 'Detailed Percentile spectrum' (the output was cut?)");
        }
        Histogram h = Latencies.newHistogram();
        long previousTotal = 0;
        boolean header = false;
        while ((line = lines.next()) != null) {
            String t = line.trim();
            if (t.isEmpty()) {
                continue;
            }
            if (!header) {
                if (!t.startsWith("Value")) {
                    throw new ResultFileException(file, lines.number(), "expected wrk2's spectrum header "
                            + "'Value Percentile TotalCount 1/(1-Percentile)', found: " + t);
                }
                header = true;
                continue;
            }
            if (t.startsWith("#[Mean") || t.startsWith("#[Buckets")) {
                continue;
            }
            Matcher max = MAX_LINE.matcher(t);
            if (max.find()) {
                long total = Long.parseLong(max.group(2));
                if (total != previousTotal) {
                    throw new ResultFileException(file, lines.number(), "wrk2's spectrum ends at " + previousTotal
                            + " requests but its footer says " + total + ": the spectrum is incomplete");
                }
                if (total == 0) {
                    throw new ResultFileException(file, lines.number(), "wrk2 recorded no latency");
                }
                return h;
            }
            Matcher m = SPECTRUM_LINE.matcher(t);
            if (!m.matches()) {
                throw new ResultFileException(file, lines.number(), "expected a spectrum line 'Value Percentile "
                        + "TotalCount 1/(1-Percentile)', found: " + t);
            }
            double millis;
            long total;
            try {
                millis = Double.parseDouble(m.group(1));
                Double.parseDouble(m.group(2));
                total = Long.parseLong(m.group(3));
            } catch (NumberFormatException e) {
                throw new ResultFileException(file, lines.number(), "not a number in wrk2's spectrum line: " + t);
            }
            if (total < previousTotal || millis < 0) {
                throw new ResultFileException(file, lines.number(), "wrk2's spectrum goes backwards (TotalCount "
                        + total + " after " + previousTotal + ")");
            }
            if (total > previousTotal) {
                h.recordValueWithCount(Latencies.clampMicros(Math.round(millis * 1000.0)), total - previousTotal);
                previousTotal = total;
            }
        }
        throw new ResultFileException(file, lines.number(), "wrk2's spectrum of '" + sectionLine.trim()
                + "' ends without its '#[Max = ..., Total count = ...]' footer: the output was cut");
    }
}
