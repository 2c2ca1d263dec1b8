package dev.perfgate.maven;

import dev.perfgate.load.RequestDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code <request>} of the embedded load engine. Values may hold {@code #{column}} placeholders filled from
 * the feeder CSV.
 */
public class RequestParameter {
    /** Name in reports and gates; default "METHOD path". */
    private String name;
    private String method = "GET";
    /** Path and query relative to the base URL, e.g. /users/#{id}. */
    private String path;
    private Map<String, String> headers = new LinkedHashMap<>();
    private String body;
    private int weight = 1;
    /** Accepted status codes, comma separated; default 200-399. */
    private String expectStatus;
    private List<String> bodyContains = new ArrayList<>();
    private List<String> bodyMatches = new ArrayList<>();

    RequestDraft toDraft() {
        return new RequestDraft(name, method, path, headers, body, weight, expectStatus, bodyContains, bodyMatches);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public Map<String, String> getHeaders() {
        return headers;
    }

    public void setHeaders(Map<String, String> headers) {
        this.headers = headers;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public int getWeight() {
        return weight;
    }

    public void setWeight(int weight) {
        this.weight = weight;
    }

    public String getExpectStatus() {
        return expectStatus;
    }

    public void setExpectStatus(String expectStatus) {
        this.expectStatus = expectStatus;
    }

    public List<String> getBodyContains() {
        return bodyContains;
    }

    public void setBodyContains(List<String> bodyContains) {
        this.bodyContains = bodyContains;
    }

    public List<String> getBodyMatches() {
        return bodyMatches;
    }

    public void setBodyMatches(List<String> bodyMatches) {
        this.bodyMatches = bodyMatches;
    }
}
