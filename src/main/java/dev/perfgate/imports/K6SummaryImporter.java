package dev.perfgate.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a k6 summary in either of its two shapes:
 * <ul>
 *   <li>the {@code handleSummary(data)} object (what {@code JSON.stringify(data)} writes): per metric
 *       {@code {type, contains, values: {count, ...}, thresholds: {EXPR: {ok: bool}}}};</li>
 *   <li>the legacy {@code --summary-export} file: per metric the values flat ({@code {count, rate, ...}}) and
 *       {@code thresholds: {EXPR: bool}} where {@code true} means the threshold FAILED (k6 issue #1498), the
 *       opposite of what the name suggests.</li>
 * </ul>
 * Each threshold's shape is told apart by its value (an object with {@code ok}, or a bare boolean), so a file mixing
 * them cannot be misread.
 */
public final class K6SummaryImporter {
    private static final ObjectMapper JSON = new ObjectMapper();

    public K6Summary read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ResultFileException(file, Math.max(line, 0), "not a k6 summary: not JSON ("
                    + e.getOriginalMessage() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new ResultFileException(file, 0, "no data: the k6 summary is empty");
        }
        JsonNode metrics = root.path("metrics");
        if (!metrics.isObject()) {
            throw new ResultFileException(file, 0, "not a k6 summary: no \"metrics\" object");
        }
        long httpReqs = -1;
        JsonNode reqs = metrics.path("http_reqs");
        if (reqs.isObject()) {
            JsonNode count = reqs.has("values") ? reqs.path("values").path("count") : reqs.path("count");
            if (!count.isNumber()) {
                throw new ResultFileException(file, 0, "k6 summary: http_reqs has no numeric count");
            }
            httpReqs = count.asLong();
        }
        List<K6Summary.Threshold> thresholds = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            JsonNode ths = metric.getValue().path("thresholds");
            if (!ths.isObject()) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> t = ths.fields(); t.hasNext(); ) {
                Map.Entry<String, JsonNode> th = t.next();
                JsonNode v = th.getValue();
                boolean passed;
                if (v.isObject() && v.path("ok").isBoolean()) {
                    passed = v.path("ok").asBoolean();
                } else if (v.isBoolean()) {
                    passed = !v.asBoolean(); // legacy --summary-export: true = crossed
                } else {
                    throw new ResultFileException(file, 0, "k6 summary: threshold '" + th.getKey() + "' of "
                            + metric.getKey() + " is neither {\"ok\": bool} nor a boolean");
                }
                thresholds.add(new K6Summary.Threshold(metric.getKey(), th.getKey(), passed));
            }
        }
        return new K6Summary(httpReqs, thresholds);
    }
}
