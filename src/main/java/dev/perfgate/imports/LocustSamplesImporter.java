package dev.perfgate.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import dev.perfgate.result.Latencies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Reads the samples perfgate's Locust wrapper ({@code perfgate_locustfile.py}) writes: per request name, every
 * response time Locust measured, to the microsecond, with its count, and the errors by kind. This is finer than
 * anything Locust writes itself: its CSV percentiles come from response times rounded to about two significant
 * digits.
 */
public final class LocustSamplesImporter {
    static final String FORMAT = "perfgate-locust-samples/1";
    /** Samples that must all be whole milliseconds before that is taken as the client's resolution, not chance. */
    static final long WHOLE_MILLIS_EVIDENCE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LocustSamplesImporter() {
    }

    /** @throws ResultFileException when the file is not such a sample file, or is cut short */
    public static ImportedResults read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new ResultFileException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not a complete JSON document (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new ResultFileException(file, 0, "not a perfgate Locust sample file (no \"format\": \"" + FORMAT
                    + "\")");
        }
        ImportedResults results = new ImportedResults();
        JsonNode requests = root.path("requests");
        long samples = 0;
        boolean wholeMillis = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = requests.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            Histogram latencies = Latencies.newHistogram();
            for (Iterator<Map.Entry<String, JsonNode>> v = entry.getValue().path("micros").fields(); v.hasNext(); ) {
                Map.Entry<String, JsonNode> sample = v.next();
                long micros;
                try {
                    micros = Long.parseLong(sample.getKey());
                } catch (NumberFormatException e) {
                    throw new ResultFileException(file, 0, "request '" + name + "': '" + sample.getKey()
                            + "' is not a number of microseconds");
                }
                long count = sample.getValue().asLong(-1);
                if (micros < 0 || count < 1) {
                    throw new ResultFileException(file, 0, "request '" + name + "': " + micros + " µs counted "
                            + sample.getValue() + " times");
                }
                latencies.recordValueWithCount(Latencies.clampMicros(micros), count);
                samples += count;
                wholeMillis &= micros % 1000 == 0;
            }
            results.add(name, latencies, latencies);
            long errors = 0;
            for (Iterator<Map.Entry<String, JsonNode>> e = entry.getValue().path("errors").fields(); e.hasNext(); ) {
                Map.Entry<String, JsonNode> error = e.next();
                results.addErrors(name, kind(error.getKey()), error.getValue().asLong());
                errors += error.getValue().asLong();
            }
            RequestRecording recorded = results.byRequest().get(name);
            if (errors > recorded.requests()) {
                throw new ResultFileException(file, 0, "request '" + name + "': " + errors + " errors but only "
                        + recorded.requests() + " requests");
            }
        }
        if (wholeMillis && samples >= WHOLE_MILLIS_EVIDENCE) {
            results.warn("Locust reported whole milliseconds only (its FastHttpUser truncates response times, e.g. "
                    + "0.9 ms to 0): every latency is floored to 1 ms, so a p50 of 1 ms means 1-2 ms; use HttpUser "
                    + "for sub-millisecond figures");
        }
        JsonNode first = root.path("firstEpochSeconds");
        JsonNode last = root.path("lastEpochSeconds");
        if (first.isNumber() && last.isNumber()) {
            results.seen((long) (first.asDouble() * 1000));
            results.seen((long) (last.asDouble() * 1000));
        }
        return results;
    }

    private static ErrorKind kind(String label) {
        try {
            return ErrorKind.valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ErrorKind.IO;
        }
    }
}
