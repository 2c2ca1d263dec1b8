package dev.perfgate.report.html;

import java.util.List;
import java.util.Objects;

/**
 * One chart as the page's script draws it: each series with its own x values (the script aligns them), a null y
 * breaking the line. Serialised into the page as JSON.
 *
 * @param id     the element the chart is drawn into; never derived from user text
 * @param kind   {@link #NINES}, {@link #TRIALS} or {@link #TIME}: how the x axis is labelled
 * @param title  shown above the chart
 * @param xLabel the x axis' label
 * @param yLabel the y axis' label, with its unit
 * @param logY   whether the y axis is logarithmic (latency spans decades)
 * @param ticks  the x axis' ticks, or empty for the library's own
 * @param series what is drawn; a chart without series is not drawn at all
 */
public record Chart(String id, String kind, String title, String xLabel, String yLabel, boolean logY,
        List<Tick> ticks, List<Series> series) {

    public static final String NINES = "nines";
    public static final String TRIALS = "trials";
    public static final String TIME = "time";

    public Chart {
        Objects.requireNonNull(id, "id");
        ticks = ticks == null ? List.of() : List.copyOf(ticks);
        series = series == null ? List.of() : List.copyOf(series);
    }

    /** The same chart in another element. */
    public Chart withId(String newId) {
        return new Chart(newId, kind, title, xLabel, yLabel, logY, ticks, series);
    }

    /** Points with a value: what the page's script reports it drew. */
    public int points() {
        return series.stream().mapToInt(Series::points).sum();
    }

    /** @param label shown at the tick */
    public record Tick(double x, String label) {
    }

    /**
     * @param label what the legend calls it: "this run, corrected"
     * @param side  {@link #CANDIDATE} or {@link #BASELINE}: the colour
     * @param line  {@link #SOLID}, {@link #DASHED} or {@link #DOTTED}
     * @param x     x values, ascending
     * @param y     one y per x; null breaks the line
     */
    public record Series(String label, String side, String line, List<Double> x, List<Double> y) {
        public static final String CANDIDATE = "candidate";
        public static final String BASELINE = "baseline";
        public static final String SOLID = "solid";
        public static final String DASHED = "dashed";
        public static final String DOTTED = "dotted";

        public Series {
            if (x.size() != y.size()) {
                throw new IllegalArgumentException(label + ": " + x.size() + " x values but " + y.size() + " y values");
            }
            // List.copyOf refuses the nulls that break lines
            x = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(x));
            y = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(y));
        }

        public int points() {
            return (int) y.stream().filter(Objects::nonNull).count();
        }
    }
}
