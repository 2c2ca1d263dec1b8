package dev.perfgate.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a feeder from a CSV file with a header row (RFC 4180: comma separated, double quotes around values
 * that hold commas, quotes or line breaks, "" for a quote inside).
 */
public final class FeederCsv {
    private FeederCsv() {
    }

    public static Feeder read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = parse(text, file);
        if (records.isEmpty()) {
            throw new IOException("feeder " + file + " is empty: it needs a header row and at least one data row");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        for (String column : header) {
            if (column.isEmpty() || !column.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw new IOException("feeder " + file + " has an invalid column name '" + column
                        + "' in its header; use letters, digits, '_', '.', '-'");
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> values = records.get(r);
            if (values.size() == 1 && values.get(0).isEmpty()) {
                continue;
            }
            if (values.size() != header.size()) {
                throw new IOException("feeder " + file + " row " + (r + 1) + " has " + values.size()
                        + " values, but the header has " + header.size() + " columns");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), values.get(c));
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IOException("feeder " + file + " has a header but no data rows");
        }
        return new Feeder(file.getFileName().toString(), header, rows);
    }

    static List<List<String>> parse(String text, Path file) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            any = true;
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                current.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                current.add(field.toString());
                field.setLength(0);
                records.add(current);
                current = new ArrayList<>();
                any = false;
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IOException("feeder " + file + " ends inside a quoted value");
        }
        if (any) {
            current.add(field.toString());
            records.add(current);
        }
        return records;
    }
}
