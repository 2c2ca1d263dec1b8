package dev.perfgate.load;

import java.util.List;
import java.util.Map;

/**
 * A request as a user wrote it, in the pom or in a scenario file, before validation: every field may be missing
 * or wrong. {@link LoadDefinitionBuilder} turns drafts into {@link RequestSpec}s or says what is wrong.
 *
 * @param expectStatus accepted status codes, comma separated (e.g. "200,204"); empty for 200-399
 */
public record RequestDraft(String name, String method, String path, Map<String, String> headers, String body,
        Integer weight, String expectStatus, List<String> bodyContains, List<String> bodyMatches) {
}
