package dev.perfgate.profile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import one.convert.Arguments;
import one.convert.FlameGraph;

/**
 * Flame graphs as one self-contained HTML file each, drawn by async-profiler's converter from stacks we collect
 * ourselves ({@link ProfileStacks}): only jdk.ExecutionSample for CPU (the converter's own JFR reading mixes in
 * native samples, which are mostly idle threads), only inside the measured windows, with lambda and hidden-class
 * names made stable.
 *
 * <p>Method frames are handed to the converter with its "Java compiled" marker: it guesses types from the name,
 * and a dotted Java name without a marker would be drawn in the colour of native code.
 */
public final class FlameGraphs {
    private static final String JAVA_FRAME = "_[j]";
    private static final String[] TYPE_MARKERS = {"_[j]", "_[i]", "_[k]", "_[0]", "_[1]"};

    /**
     * The legend, in the page's title: the converter's page has no other place for text of ours. Short, because a
     * title of two lines runs into the page's buttons.
     */
    static final String DIFF_LEGEND = "red: larger share of samples than in the baseline, blue: smaller, yellow: new";

    private FlameGraphs() {
    }

    /** Writes the CPU flame graph of the windows to {@code html}; returns the number of samples drawn. */
    public static long cpu(List<ProfileAnalyzer.Window> windows, Path html, String title) throws IOException {
        Map<String, Long> stacks = cpuStacks(windows);
        draw(stacks, html, title);
        return ProfileStacks.total(stacks);
    }

    /** The windows' CPU samples as collapsed stacks (root first, ';'-joined) → number of samples. */
    public static Map<String, Long> cpuStacks(List<ProfileAnalyzer.Window> windows) throws IOException {
        return ProfileStacks.read(windows).cpu();
    }

    /**
     * Draws collapsed stacks (root first, ';'-joined, → weight) as a flame graph. A frame ending in
     * {@link ProfileStacks#CLASS_FRAME} is drawn as a class.
     */
    public static void draw(Map<String, Long> stacks, Path html, String title) throws IOException {
        write(graph(stacks, 1.0, title), html);
    }

    /**
     * A differential flame graph: the candidate's CPU graph, each frame coloured by how its share of the samples
     * changed against the baseline. Shares, not counts, because two runs have different sample totals: the
     * baseline's counts are scaled to the candidate's total before the converter subtracts them, so a frame's
     * difference reads "samples more (or fewer) than it would have had at the baseline's share". Like Brendan
     * Gregg's differential flame graphs, the difference is of each frame's own (self) samples on its call path:
     * red for a larger share, blue for a smaller one, the deeper the larger the change; grey unchanged; yellow not
     * in the baseline at all. Code that only the baseline ran is not drawn (it has no width in the candidate).
     *
     * @param baselineTotal  all samples the baseline's shares refer to; more than the sum of the map when the
     *                       map holds only the top stacks (as a profile summary does)
     * @param candidateTotal the same for the candidate
     */
    public static void diff(Map<String, Long> baseline, long baselineTotal, Map<String, Long> candidate,
            long candidateTotal, Path html, String title) throws IOException {
        double scale = baselineTotal <= 0 ? 0 : (double) candidateTotal / baselineTotal;
        FlameGraph graph = graph(candidate, 1.0, title + " — " + DIFF_LEGEND);
        graph.diff(graph(baseline, scale, null));
        write(graph, html);
    }

    /** {@link #diff(Map, long, Map, long, Path, String)} with the maps' sums as totals: full stacks. */
    public static void diff(Map<String, Long> baseline, Map<String, Long> candidate, Path html, String title)
            throws IOException {
        diff(baseline, ProfileStacks.total(baseline), candidate, ProfileStacks.total(candidate), html, title);
    }

    private static FlameGraph graph(Map<String, Long> stacks, double scale, String title) throws IOException {
        StringBuilder text = new StringBuilder();
        stacks.forEach((stack, weight) -> {
            text.append(typed(stack)).append(' ')
                    .append(scale == 1.0 ? weight : Math.round(weight * scale)).append('\n');
        });
        Arguments args = new Arguments();
        // the converter writes the title into the page as HTML
        args.title = title == null ? null : escapeHtml(title);
        FlameGraph graph = new FlameGraph(args);
        // a baseline frame whose scaled weight rounds to 0 is kept: it is still "in the baseline", not new
        graph.parseCollapsed(new StringReader(text.toString()));
        return graph;
    }

    private static void write(FlameGraph graph, Path html) throws IOException {
        Path parent = html.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (OutputStream out = Files.newOutputStream(html)) {
            graph.dump(out);
        }
    }

    /** Marks every frame without a type marker as a Java method. */
    private static String typed(String stack) {
        StringBuilder b = new StringBuilder(stack.length() + 64);
        int from = 0;
        while (from <= stack.length()) {
            int to = stack.indexOf(';', from);
            if (to < 0) {
                to = stack.length();
            }
            String frame = stack.substring(from, to);
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(frame);
            if (!hasMarker(frame)) {
                b.append(JAVA_FRAME);
            }
            from = to + 1;
        }
        return b.toString();
    }

    private static boolean hasMarker(String frame) {
        for (String m : TYPE_MARKERS) {
            if (frame.endsWith(m)) {
                return true;
            }
        }
        return false;
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
