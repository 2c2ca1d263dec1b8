package dev.perfgate.imports;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Locust's console output. Perfgate reads only the request count of the final "Aggregated" row, to check that its
 * exact samples hold every request Locust counted; Locust's CSV files are no use for that, because they are
 * rewritten once a second and not at the end, so they lag behind the run.
 */
public final class LocustOutput {
    /** "Aggregated", the request count, then the failures as "N(x.xx%)": the request table, not the percentile one. */
    private static final Pattern AGGREGATED = Pattern.compile("\\bAggregated\\s+(\\d+)\\s+\\d+\\(");

    private LocustOutput() {
    }

    /** The request count of the last Aggregated row Locust printed, or empty when it printed none. */
    public static OptionalLong aggregatedRequests(String output) {
        Matcher m = AGGREGATED.matcher(output);
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        return last < 0 ? OptionalLong.empty() : OptionalLong.of(last);
    }
}
