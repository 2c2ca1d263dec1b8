package dev.perfgate.scenario;

import dev.perfgate.result.HistogramCodec;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What the runner measured in one trial, sent back to the build JVM as JSON. Written by hand: the fork's classpath
 * is the project's test classpath plus perfgate and HdrHistogram, and a Jackson of ours could clash with the
 * project's own.
 *
 * @param scheduled operations the open schedule called for; operations started (closed model)
 * @param started   operations whose call started
 * @param errors    error counts by {@link dev.perfgate.measure.ErrorKind} name
 */
record ScenarioResult(int trial, boolean open, long startEpochMillis, long endEpochMillis, double measuredSeconds,
        long scheduled, long started, Histogram corrected, Histogram uncorrected, Histogram sendLag,
        Map<String, Long> errors, List<String> flags, List<String> warnings) {

    String toJson() {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"trial\":").append(trial);
        sb.append(",\"model\":\"").append(open ? "OPEN" : "CLOSED").append('"');
        sb.append(",\"startEpochMillis\":").append(startEpochMillis);
        sb.append(",\"endEpochMillis\":").append(endEpochMillis);
        sb.append(",\"measuredSeconds\":").append(measuredSeconds);
        sb.append(",\"scheduled\":").append(scheduled);
        sb.append(",\"started\":").append(started);
        sb.append(",\"corrected\":\"").append(HistogramCodec.encode(corrected)).append('"');
        sb.append(",\"uncorrected\":\"").append(HistogramCodec.encode(uncorrected)).append('"');
        sb.append(",\"sendLag\":\"").append(HistogramCodec.encode(sendLag)).append('"');
        sb.append(",\"errors\":{");
        boolean first = true;
        for (Map.Entry<String, Long> e : errors.entrySet()) {
            sb.append(first ? "" : ",").append(string(e.getKey())).append(':').append(e.getValue());
            first = false;
        }
        sb.append("},\"flags\":");
        strings(sb, flags);
        sb.append(",\"warnings\":");
        strings(sb, warnings);
        return sb.append('}').toString();
    }

    private static void strings(StringBuilder sb, List<String> values) {
        sb.append('[');
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(string(values.get(i)));
        }
        sb.append(']');
    }

    static String string(String value) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
