package dev.perfgate.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table for the build log: padded columns, two spaces apart, every row of the same width. Numbers are
 * never cut; one "flex" column (a name) is shortened in the middle so that the table fits the total width.
 */
final class TextTable {
    enum Align {
        LEFT, RIGHT
    }

    private final List<String> headers;
    private final List<Align> aligns;
    /** Per column: a cap (&gt; 0), no cap (0) or {@link #FLEX}. */
    private final int[] maxWidths;
    static final int FLEX = -1;
    static final int SEPARATOR = 2;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> headers, List<Align> aligns, int[] maxWidths) {
        this.headers = headers;
        this.aligns = aligns;
        this.maxWidths = maxWidths;
    }

    void row(List<String> cells) {
        rows.add(cells);
    }

    List<String> render(String indent, int maxTotal) {
        int n = headers.size();
        int[] widths = new int[n];
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        all.addAll(rows);
        int flex = -1;
        for (int i = 0; i < n; i++) {
            if (maxWidths[i] == FLEX) {
                flex = i;
            }
            for (List<String> row : all) {
                int len = cell(row, i).length();
                widths[i] = Math.max(widths[i], maxWidths[i] > 0 ? Math.min(len, maxWidths[i]) : len);
            }
        }
        if (flex >= 0) {
            int rest = indent.length() + SEPARATOR * (n - 1);
            for (int i = 0; i < n; i++) {
                rest += i == flex ? 0 : widths[i];
            }
            widths[flex] = Math.min(widths[flex], Math.max(12, maxTotal - rest));
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : all) {
            StringBuilder b = new StringBuilder(indent);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append("  ");
                }
                String c = fit(cell(row, i), widths[i]);
                String pad = " ".repeat(widths[i] - c.length());
                b.append(aligns.get(i) == Align.RIGHT ? pad + c : c + pad);
            }
            lines.add(b.toString());
        }
        return lines;
    }

    private static String cell(List<String> row, int i) {
        String s = i < row.size() ? row.get(i) : null;
        return s == null ? "" : s;
    }

    /** Cuts long text in the middle, keeping both ends: "GET /api/v1/…/items". */
    static String fit(String s, int width) {
        if (s.length() <= width) {
            return s;
        }
        if (width < 5) {
            return s.substring(0, width);
        }
        int head = (width - 1) / 2;
        int tail = width - 1 - head;
        return s.substring(0, head) + "…" + s.substring(s.length() - tail);
    }
}
