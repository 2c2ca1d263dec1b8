package dev.perfgate.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Requests kept in a JSON file beside the code instead of the pom, e.g. src/perf/scenario.json:
 * <pre>
 * {
 *   "requests": [
 *     { "name": "GET /search", "path": "/search?q=shoes", "weight": 3, "bodyContains": ["\"hits\""] },
 *     { "name": "POST /cart", "method": "POST", "path": "/cart", "headers": {"Content-Type": "application/json"},
 *       "body": "{\"item\": #{item}}", "expectStatus": "201" }
 *   ]
 * }
 * </pre>
 * The fields are those of a pom {@code <request>}. Unknown fields are errors, so a typo is not silently ignored.
 */
public final class ScenarioFile {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record Scenario(@JsonProperty("requests") List<RequestDraft> requests) {
    }

    private ScenarioFile() {
    }

    /** @throws IOException naming the file and, for JSON errors, the line and column */
    public static List<RequestDraft> read(Path file) throws IOException {
        Scenario scenario;
        try {
            scenario = MAPPER.readValue(file.toFile(), Scenario.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            throw new IOException("scenario file " + file + " cannot be read" + where + ": "
                    + e.getOriginalMessage());
        }
        if (scenario == null || scenario.requests() == null || scenario.requests().isEmpty()) {
            throw new IOException("scenario file " + file + " has no \"requests\"");
        }
        List<RequestDraft> drafts = new ArrayList<>();
        for (RequestDraft d : scenario.requests()) {
            drafts.add(d == null ? new RequestDraft(null, null, null, Map.of(), null, null, null, null, null) : d);
        }
        return drafts;
    }
}
