package dev.perfgate.imports;

import dev.perfgate.measure.ErrorKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports a JMeter result file (JTL) per sample label: every sample's {@code elapsed} (milliseconds, from the
 * sample's start, i.e. its actual send) goes into the label's histogram, a failed sample is an error of the kind its
 * response code tells, and the samples' start times give the span the results cover.
 *
 * <p>CSV is JMeter's default output; its columns are found by the header JMeter writes by default
 * ({@code jmeter.save.saveservice.print_field_names=true}), so optional and custom columns are tolerated. The XML
 * format ({@code <httpSample>}, {@code <sample>}) is read by {@link JtlXmlImporter}.
 *
 * <p>Transaction controllers: JMeter writes a transaction's own sample (response message "Number of samples in
 * transaction : ...") in addition to the samples of its children (in both of its modes while sub-results are saved,
 * JMeter's default). Counting both would count every request twice in the overall numbers, so the transaction's
 * samples are left out and a warning names them: gate on the children's labels. A transaction is recognised by that
 * message, and its later samples by its label (the last one, cut short by the end of the test, has no message).
 */
public final class JtlImporter {
    /** How JMeter marks a transaction controller's own sample, in its response message. */
    static final String TRANSACTION_MESSAGE = "Number of samples in transaction";
    private static final String NON_HTTP_CODE = "Non HTTP response code:";
    private static final String NO_HEADER_HINT = "JMeter must write its field names: keep its default "
            + "jmeter.save.saveservice.print_field_names=true";

    private JtlImporter() {
    }

    /** Reads a CSV or XML JTL (told apart by its first character). */
    public static ImportedResults read(Path file) throws IOException {
        String start;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            char[] head = new char[64];
            int n = in.read(head);
            start = n <= 0 ? "" : new String(head, 0, n).strip();
        }
        if (start.startsWith("<")) {
            return JtlXmlImporter.read(file);
        }
        return readCsv(file);
    }

    /** Reads a CSV JTL. */
    public static ImportedResults readCsv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readCsv(file, in);
        }
    }

    static ImportedResults readCsv(Path file, Reader reader) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        String header = lines.readLine();
        if (header == null || header.isBlank()) {
            throw new ResultFileException(file, 0, "empty: no header line and no samples (did JMeter run the plan?)");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        char delimiter = delimiter(file, header);
        Columns columns = new Columns(file, splitHeader(header, delimiter));
        CsvRecords records = new CsvRecords(file, new PushbackReader(lines, 1), delimiter, 2);
        ImportedResults results = new ImportedResults();
        Map<String, Long> transactions = new LinkedHashMap<>();
        List<String> row;
        while ((row = records.next()) != null) {
            long line = records.recordLine();
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue; // a blank line
            }
            if (row.size() != columns.count()) {
                throw new ResultFileException(file, line, "expected " + columns.count() + " columns as in the header, "
                        + "found " + row.size() + (records.atEnd() ? " (the file ends here: truncated?)" : ""));
            }
            String label = columns.get(row, "label");
            String message = columns.get(row, "responseMessage");
            if (isTransaction(label, message, transactions)) {
                transactions.merge(label, 1L, Long::sum);
                continue;
            }
            long timeStamp = number(file, line, "timeStamp", columns.get(row, "timeStamp"),
                    "; keep JMeter's default jmeter.save.saveservice.timestamp_format=ms");
            long elapsed = number(file, line, "elapsed", columns.get(row, "elapsed"), "");
            boolean success = bool(file, line, columns.get(row, "success"));
            ErrorKind error = success ? null
                    : errorKind(columns.get(row, "responseCode"), columns.get(row, "failureMessage"));
            results.record(label, elapsed * 1000, error);
            results.seen(timeStamp);
            results.seen(timeStamp + elapsed);
        }
        warnTransactions(results, transactions);
        return results;
    }

    /**
     * The kind of a failed sample. JMeter reports an exception instead of a status as response code
     * "Non HTTP response code: java.net.SocketTimeoutException"; a sample with a fine status failed an assertion.
     */
    public static ErrorKind errorKind(String responseCode, String failureMessage) {
        String code = responseCode == null ? "" : responseCode.strip();
        if (code.startsWith(NON_HTTP_CODE)) {
            String exception = code.substring(NON_HTTP_CODE.length()).strip();
            String simple = exception.substring(exception.lastIndexOf('.') + 1);
            switch (simple) {
                case "ConnectException", "HttpHostConnectException", "ConnectTimeoutException",
                        "UnknownHostException", "NoRouteToHostException", "PortUnreachableException":
                    return ErrorKind.CONNECT;
                case "SocketTimeoutException", "TimeoutException", "InterruptedIOException":
                    return ErrorKind.TIMEOUT;
                default:
                    return ErrorKind.IO;
            }
        }
        if (!code.isEmpty() && code.chars().allMatch(Character::isDigit) && code.length() <= 9) {
            return Integer.parseInt(code) >= 400 ? ErrorKind.STATUS : ErrorKind.CHECK;
        }
        // a non-HTTP sampler's own code: an assertion when one said why, else the sampler itself failed
        return failureMessage != null && !failureMessage.isBlank() ? ErrorKind.CHECK : ErrorKind.IO;
    }

    /**
     * Whether a sample is a transaction controller's own: by its response message, or by its label once a sample of
     * that label had the message (JMeter leaves the message empty on a transaction cut short by the end of the test).
     */
    static boolean isTransaction(String label, String message, Map<String, Long> transactionsSoFar) {
        return message != null && message.startsWith(TRANSACTION_MESSAGE) || transactionsSoFar.containsKey(label);
    }

    static void warnTransactions(ImportedResults results, Map<String, Long> transactions) {
        if (!transactions.isEmpty()) {
            List<String> named = new ArrayList<>();
            transactions.forEach((label, n) -> named.add(label + " (" + n + ")"));
            results.warn("JMeter transaction controller samples not counted, their child samples are: "
                    + String.join(", ", named));
        }
    }

    private static char delimiter(Path file, String header) throws ResultFileException {
        for (char candidate : new char[] {',', '\t', ';', '|'}) {
            List<String> names = splitHeader(header, candidate);
            if (names.contains("elapsed") && names.contains("label")) {
                return candidate;
            }
        }
        String shown = header.length() > 60 ? header.substring(0, 60) + "..." : header;
        throw new ResultFileException(file, 1, "no JMeter CSV header (found '" + shown + "'); " + NO_HEADER_HINT);
    }

    private static List<String> splitHeader(String header, char delimiter) {
        List<String> names = new ArrayList<>();
        for (String name : header.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)) {
            String n = name.strip();
            if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
                n = n.substring(1, n.length() - 1);
            }
            names.add(n);
        }
        return names;
    }

    static long number(Path file, long line, String column, String value, String hint) throws ResultFileException {
        try {
            long n = Long.parseLong(value.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ResultFileException(file, line, column + " '" + value + "' is not a non-negative whole "
                    + "number" + hint);
        }
    }

    static boolean bool(Path file, long line, String value) throws ResultFileException {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new ResultFileException(file, line, "success '" + value + "' is neither true nor false");
    }

    /** The header's columns by name; timeStamp, elapsed, label and success are required. */
    private static final class Columns {
        private final Map<String, Integer> index = new HashMap<>();
        private final int count;

        Columns(Path file, List<String> names) throws ResultFileException {
            for (int i = 0; i < names.size(); i++) {
                index.putIfAbsent(names.get(i), i);
            }
            count = names.size();
            List<String> missing = new ArrayList<>();
            for (String required : List.of("timeStamp", "elapsed", "label", "success")) {
                if (!index.containsKey(required)) {
                    missing.add(required);
                }
            }
            if (!missing.isEmpty()) {
                throw new ResultFileException(file, 1, "the header lacks column(s) " + String.join(", ", missing)
                        + "; keep JMeter's default jmeter.save.saveservice.* fields (timestamp, time, label, "
                        + "success)");
            }
        }

        int count() {
            return count;
        }

        /** The value of an optional column: null when the file has no such column. */
        String get(List<String> row, String name) {
            Integer i = index.get(name);
            return i == null ? null : row.get(i);
        }
    }

    /**
     * Records of RFC 4180 CSV as JMeter writes them: a field in double quotes may hold the delimiter, a doubled quote
     * and line breaks; records end at LF or CRLF. Tracks the 1-based line each record starts on.
     */
    static final class CsvRecords {
        private final Path file;
        private final PushbackReader in;
        private final char delimiter;
        private long line;
        private long recordLine;
        private boolean atEnd;

        CsvRecords(Path file, PushbackReader in, char delimiter, long firstLine) {
            this.file = file;
            this.in = in;
            this.delimiter = delimiter;
            this.line = firstLine;
        }

        /** The line the last record returned started on. */
        long recordLine() {
            return recordLine;
        }

        /** Whether the last record returned ended at the end of the file, without a line break. */
        boolean atEnd() {
            return atEnd;
        }

        /** The next record's fields, or null at the end of the file. */
        List<String> next() throws IOException {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            in.unread(c);
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean fieldStart = true;
            boolean afterQuote = false;
            while (true) {
                c = in.read();
                if (quoted) {
                    if (c < 0) {
                        throw new ResultFileException(file, recordLine, "a quoted field is not closed before the end"
                                + " of the file (truncated?)");
                    }
                    if (c == '"') {
                        int d = in.read();
                        if (d == '"') {
                            field.append('"');
                        } else {
                            if (d >= 0) {
                                in.unread(d);
                            }
                            quoted = false;
                            afterQuote = true;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                    continue;
                }
                if (c < 0 || c == '\n' || c == '\r') {
                    if (c == '\r') {
                        int d = in.read();
                        if (d != '\n' && d >= 0) {
                            in.unread(d);
                        }
                    }
                    if (c >= 0) {
                        line++;
                    }
                    atEnd = c < 0;
                    fields.add(field.toString());
                    return fields;
                }
                if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                    afterQuote = false;
                    continue;
                }
                if (afterQuote) {
                    throw new ResultFileException(file, line, "unexpected '" + (char) c + "' after a closing quote");
                }
                if (c == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                    continue;
                }
                fieldStart = false;
                field.append((char) c);
            }
        }
    }
}
