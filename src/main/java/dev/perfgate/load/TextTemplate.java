package dev.perfgate.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A text with {@code #{column}} placeholders, split once so that rendering a feeder row is a few appends. */
final class TextTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("#\\{([^}]+)}");

    private final String text;
    /** Alternating literal and column name: literal, column, literal, ..., literal (odd length). */
    private final String[] parts;

    private TextTemplate(String text, String[] parts) {
        this.text = text;
        this.parts = parts;
    }

    static TextTemplate parse(String text) {
        List<String> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        while (m.find()) {
            parts.add(text.substring(last, m.start()));
            parts.add(m.group(1).trim());
            last = m.end();
        }
        parts.add(text.substring(last));
        return new TextTemplate(text, parts.toArray(String[]::new));
    }

    boolean isConstant() {
        return parts.length == 1;
    }

    String text() {
        return text;
    }

    Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        for (int k = 1; k < parts.length; k += 2) {
            columns.add(parts[k]);
        }
        return columns;
    }

    /** Throws when a placeholder names a column the feeder does not have (or there is no feeder). */
    void requireColumns(Collection<String> available, String where) {
        for (String column : columns()) {
            if (available == null) {
                throw new IllegalArgumentException(where + " uses the placeholder #{" + column
                        + "} but the load definition has no feeder");
            }
            if (!available.contains(column)) {
                throw new IllegalArgumentException(where + " uses the placeholder #{" + column
                        + "} but the feeder has no such column (columns: " + available + ")");
            }
        }
    }

    String render(Map<String, String> row) {
        if (parts.length == 1) {
            return parts[0];
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        appendTo(sb, row);
        return sb.toString();
    }

    void appendTo(StringBuilder sb, Map<String, String> row) {
        sb.append(parts[0]);
        for (int k = 1; k < parts.length; k += 2) {
            sb.append(row.get(parts[k])).append(parts[k + 1]);
        }
    }

    /** Renders with every substituted value passed through {@code escape} (e.g. {@link Pattern#quote}). */
    String render(Map<String, String> row, java.util.function.UnaryOperator<String> escape) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        sb.append(parts[0]);
        for (int k = 1; k < parts.length; k += 2) {
            sb.append(escape.apply(String.valueOf(row.get(parts[k])))).append(parts[k + 1]);
        }
        return sb.toString();
    }
}
