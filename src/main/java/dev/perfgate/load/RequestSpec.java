package dev.perfgate.load;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One kind of request the embedded engine sends: what to send and how to tell a right answer from a wrong one.
 *
 * <p>{@code path}, header values, {@code body} and the checks may hold {@code #{column}} placeholders filled from
 * the feeder row of each request. The {@code #{}} syntax (Gatling's) is used because Maven interpolates
 * {@code ${...}} in a pom before the plugin sees it.
 *
 * @param name           the name results are reported under, e.g. {@code GET /search}; unique in a load definition
 * @param method         HTTP method
 * @param path           path and query, starting with {@code /}, relative to the base URL
 * @param headers        extra request headers (values may be secret: never logged, see {@link dev.perfgate.util.Redaction})
 * @param body           request body, or null
 * @param weight         relative share of this request in the mix, at least 1
 * @param expectStatus   acceptable status codes; empty means 200-399
 * @param bodyContains   substrings the response body must contain (after placeholder substitution)
 * @param bodyMatches    regular expressions the response body must match somewhere
 */
public record RequestSpec(
        String name,
        String method,
        String path,
        Map<String, String> headers,
        String body,
        int weight,
        List<Integer> expectStatus,
        List<String> bodyContains,
        List<String> bodyMatches) {

    public RequestSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        expectStatus = expectStatus == null ? List.of() : List.copyOf(expectStatus);
        bodyContains = bodyContains == null ? List.of() : List.copyOf(bodyContains);
        bodyMatches = bodyMatches == null ? List.of() : List.copyOf(bodyMatches);
    }

    /** True when a status code counts as a successful answer. */
    public boolean acceptsStatus(int status) {
        if (expectStatus.isEmpty()) {
            return status >= 200 && status < 400;
        }
        return expectStatus.contains(status);
    }

    /** True when the response body must be kept to be checked. */
    public boolean needsBody() {
        return !bodyContains.isEmpty() || !bodyMatches.isEmpty();
    }
}
