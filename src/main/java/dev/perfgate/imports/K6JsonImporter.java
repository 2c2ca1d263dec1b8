package dev.perfgate.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import dev.perfgate.result.Latencies;
import dev.perfgate.util.Redaction;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads k6's {@code --out json=FILE} output (NDJSON, gzipped or not) point by point: every {@code http_req_duration}
 * point is one request, its value (ms, a float) recorded in microseconds. k6 times a request from its actual send, so
 * the same value goes into the corrected and the uncorrected histogram.
 *
 * <p>A request's name is its {@code name} tag: k6 sets it to the URL unless the script names the request (the
 * {@code name} tag, or {@code http.url} templates), so scripts that call one URL with several IDs should name it.
 * When one name is seen with several methods (a GET and a POST to the same URL) each becomes "METHOD name"; a name
 * seen with one method stays as it is. Secret-looking query parameters in names are masked.
 *
 * <p>Errors, from each duration point's own tags: an {@code error_code} by k6's documented ranges (1050, the
 * request timeout, TIMEOUT; DNS 11xx, dial 1210-1213 including the dial timeout, and TLS 13xx CONNECT; 14xx/15xx STATUS; other codes IO), else
 * {@code expected_response=false} (or, without that tag, a status of 400 or more) STATUS. {@code http_req_failed}
 * points with value 1 that those tags do not explain are counted as STATUS errors too. A failed check
 * ({@code checks} point with value 0) is a CHECK error of the request named by its {@code name} tag, or of the only
 * request when the script sends one; otherwise it is reported in a warning: k6 does not say which request a check
 * looked at. {@code dropped_iterations} flag the result: the generator could not keep the rate.
 *
 * <p>Fail closed: a line that is not JSON or not a k6 Metric/Point, a point without time or value, a cut last line
 * (k6 stopped mid-write) and an empty file raise {@link ResultFileException} naming the line.
 */
public final class K6JsonImporter {
    static final String DURATION = "http_req_duration";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads one k6 JSON output file. */
    public ImportedResults read(Path file) throws IOException {
        Reading reading = new Reading(file);
        try (ResultLines lines = ResultLines.open(file)) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                reading.line(lines, line);
            }
        }
        return reading.finish();
    }

    /** What one request name collected while reading, before names are final. */
    private static final class Collected {
        final String name;
        final String method;
        final RequestRecording recording = new RequestRecording();
        long failedPoints;

        Collected(String name, String method) {
            this.name = name;
            this.method = method;
        }
    }

    private static final class Reading {
        final Path file;
        final Map<String, Collected> byKey = new LinkedHashMap<>();
        final Map<String, Set<String>> methodsByName = new LinkedHashMap<>();
        final Map<String, Long> failedChecksByName = new LinkedHashMap<>();
        final Map<String, Long> unattributedChecks = new TreeMap<>();
        final ImportedResults results = new ImportedResults();
        long dataLines;
        double dropped;

        Reading(Path file) {
            this.file = file;
        }

        void line(ResultLines lines, String line) throws ResultFileException {
            long number = lines.number();
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                if (lines.lastLineCut()) {
                    throw new ResultFileException(file, number, "the last line is cut off (k6 was stopped while "
                            + "writing?): " + abbreviate(line));
                }
                throw new ResultFileException(file, number, "not JSON (" + e.getOriginalMessage() + "): "
                        + abbreviate(line));
            }
            if (node == null || !node.isObject()) {
                throw new ResultFileException(file, number, "expected a JSON object, found: " + abbreviate(line));
            }
            dataLines++;
            String type = node.path("type").asText("");
            String metric = node.path("metric").asText("");
            JsonNode data = node.path("data");
            if (metric.isEmpty() || !data.isObject()) {
                throw new ResultFileException(file, number, "not a k6 JSON output line (no \"metric\" or \"data\")");
            }
            if (type.equals("Metric")) {
                if (!data.path("name").isTextual() || !data.path("type").isTextual()) {
                    throw new ResultFileException(file, number, "k6 Metric " + metric + " without name or type");
                }
                return;
            }
            if (!type.equals("Point")) {
                throw new ResultFileException(file, number, "unknown k6 line type '" + type
                        + "' (expected Metric or Point)");
            }
            JsonNode value = data.get("value");
            if (value == null || !value.isNumber()) {
                throw new ResultFileException(file, number, "k6 Point of " + metric + " without a numeric value");
            }
            JsonNode time = data.get("time");
            if (time == null || !time.isTextual()) {
                throw new ResultFileException(file, number, "k6 Point of " + metric + " without a time");
            }
            try {
                results.seen(OffsetDateTime.parse(time.asText()).toInstant().toEpochMilli());
            } catch (DateTimeParseException e) {
                throw new ResultFileException(file, number, "k6 Point time '" + time.asText()
                        + "' is not RFC 3339");
            }
            JsonNode tags = data.path("tags");
            switch (metric) {
                case DURATION -> duration(value.asDouble(), tags);
                case "http_req_failed" -> {
                    if (value.asDouble() != 0) {
                        collected(tags).failedPoints++;
                    }
                }
                case "checks" -> {
                    if (value.asDouble() == 0) {
                        String name = tags.path("name").asText("");
                        if (!name.isEmpty()) {
                            failedChecksByName.merge(Redaction.redactPath(name), 1L, Long::sum);
                        } else {
                            unattributedChecks.merge(tags.path("check").asText("(unnamed check)"), 1L, Long::sum);
                        }
                    }
                }
                case "dropped_iterations" -> dropped += value.asDouble();
                default -> {
                    // other metrics (iterations, data_sent, vus...) say nothing about a request's latency
                }
            }
        }

        void duration(double millis, JsonNode tags) {
            Collected c = collected(tags);
            ErrorKind error = error(tags);
            long micros = Latencies.clampMicros(Math.round(millis * 1000.0));
            c.recording.corrected().recordValue(micros);
            c.recording.uncorrected().recordValue(micros);
            if (error != null) {
                c.recording.addError(error, 1);
            }
        }

        Collected collected(JsonNode tags) {
            String name = tags.path("name").asText("");
            if (name.isEmpty()) {
                name = tags.path("url").asText("(unnamed)");
            }
            name = Redaction.redactPath(name);
            String method = tags.path("method").asText("");
            methodsByName.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(method);
            String finalName = name;
            return byKey.computeIfAbsent(method + ' ' + name, k -> new Collected(finalName, method));
        }

        ImportedResults finish() throws ResultFileException {
            if (dataLines == 0) {
                throw new ResultFileException(file, 0, "no data: the file is empty (did k6 run any iteration?)");
            }
            Map<String, RequestRecording> byName = new LinkedHashMap<>();
            for (Collected c : byKey.values()) {
                if (c.recording.requests() == 0) {
                    results.warn("k6 reported " + c.failedPoints + " failed requests of '" + c.name
                            + "' without their http_req_duration points: they are not in the results");
                    continue;
                }
                String name = methodsByName.get(c.name).size() > 1 && !c.method.isEmpty()
                        ? c.method + ' ' + c.name : c.name;
                long unexplained = Math.min(c.failedPoints, c.recording.requests()) - c.recording.errorCount();
                if (unexplained > 0) {
                    c.recording.addError(ErrorKind.STATUS, unexplained);
                }
                byName.merge(name, c.recording, (a, b) -> {
                    a.add(b);
                    return a;
                });
            }
            for (Map.Entry<String, Long> e : failedChecksByName.entrySet()) {
                RequestRecording r = byName.get(e.getKey());
                if (r == null) {
                    unattributedChecks.merge("name=" + e.getKey(), e.getValue(), Long::sum);
                } else {
                    addChecks(r, e.getValue());
                }
            }
            if (!unattributedChecks.isEmpty() && byName.size() == 1) {
                long n = unattributedChecks.values().stream().mapToLong(Long::longValue).sum();
                addChecks(byName.values().iterator().next(), n);
                unattributedChecks.clear();
            }
            byName.forEach((name, r) -> {
                results.add(name, r.corrected(), r.uncorrected());
                r.errors().forEach((kind, n) -> results.addErrors(name, kind, n));
            });
            if (!unattributedChecks.isEmpty()) {
                results.warn("k6 reported failed checks perfgate cannot attribute to a request (they carry no "
                        + "'name' tag), so they are not counted as errors: " + unattributedChecks
                        + "; tag the check with the request's name, or gate on k6's checks threshold");
            }
            long droppedIterations = Math.round(dropped);
            if (droppedIterations > 0) {
                results.flag("k6 dropped " + droppedIterations + " iterations: the generator could not keep the "
                        + "rate (too few VUs: raise the scenario's preAllocatedVUs/maxVUs, or lower the rate); the "
                        + "dropped requests are missing from the latencies");
            }
            return results;
        }

        /** Failed checks count as CHECK errors, up to the requests that did not already fail otherwise. */
        private static void addChecks(RequestRecording r, long failedChecks) {
            long room = r.requests() - r.errorCount();
            r.addError(ErrorKind.CHECK, Math.min(room, failedChecks));
        }
    }

    /** The error a duration point's tags describe, or null for a success. */
    static ErrorKind error(JsonNode tags) {
        String code = tags.path("error_code").asText("");
        if (!code.isEmpty()) {
            try {
                return errorCode(Integer.parseInt(code.trim()));
            } catch (NumberFormatException e) {
                return ErrorKind.IO;
            }
        }
        String expected = tags.path("expected_response").asText("");
        if (!expected.isEmpty()) {
            return expected.equals("false") ? ErrorKind.STATUS : null;
        }
        String status = tags.path("status").asText("");
        if (!status.isEmpty()) {
            try {
                int s = Integer.parseInt(status.trim());
                if (s == 0) {
                    return ErrorKind.IO;
                }
                return s >= 400 ? ErrorKind.STATUS : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** k6's documented error codes (k6 docs, "Error codes"), grouped into perfgate's kinds. */
    static ErrorKind errorCode(int code) {
        if (code == 1050) {
            return ErrorKind.TIMEOUT;
        }
        if ((code >= 1100 && code < 1200) || (code >= 1210 && code <= 1213) || (code >= 1300 && code < 1400)) {
            return ErrorKind.CONNECT; // DNS, dial (its timeout too), TLS: no connection to send on
        }
        if (code >= 1400 && code < 1600) {
            return ErrorKind.STATUS; // k6's codes for HTTP 4xx/5xx
        }
        return ErrorKind.IO; // generic, broken pipe, reset by peer, HTTP/2...
    }

    private static String abbreviate(String line) {
        return line.length() <= 80 ? line : line.substring(0, 77) + "...";
    }
}
