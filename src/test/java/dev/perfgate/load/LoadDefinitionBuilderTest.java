package dev.perfgate.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.perfgate.result.LoadModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadDefinitionBuilderTest {
    @TempDir
    Path dir;

    private static final ProfileDraft PROFILE = new ProfileDraft("open", 100, "0s", "10s", "5s", 5, 16, "10s", "10ms");

    private static RequestDraft get(String name, String path) {
        return new RequestDraft(name, null, path, Map.of(), null, null, null, null, null);
    }

    @Test
    void buildsSpecsWithDefaults() throws Exception {
        LoadDefinition load = LoadDefinitionBuilder.build(List.of(get(null, "/search?q=x"),
                new RequestDraft("create", "post", "/items", Map.of("Content-Type", "application/json"), "{}", 3,
                        "201, 202", List.of("id"), List.of("\"id\":\\d+"))), PROFILE, null);

        assertThat(load.requests()).extracting(RequestSpec::name).containsExactly("GET /search?q=x", "create");
        RequestSpec create = load.requests().get(1);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.weight()).isEqualTo(3);
        assertThat(create.expectStatus()).containsExactly(201, 202);
        assertThat(load.profile().model()).isEqualTo(LoadModel.OPEN);
        assertThat(load.profile().duration()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        List<RequestDraft> requests = List.of(
                get("a", "search"),
                new RequestDraft("b", "GE T", "/b", Map.of("Host", "x"), null, 0, "2OO", null, List.of("(")),
                get("c", "/c?id=#{id}"),
                get("c", "/c2"));
        ProfileDraft profile = new ProfileDraft("sideways", -1, "20s", "10s", "5 sec", 0, 0, "0s", "10ms");

        assertThatThrownBy(() -> LoadDefinitionBuilder.build(requests, profile, null))
                .isInstanceOfSatisfying(LoadConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "request 1: <path> must start with '/', but is 'search'",
                        "request 2: <method> 'GE T' is not an HTTP method",
                        "request 2 (b): <weight> must be at least 1, but is 0",
                        "request 2 (b): sets a Host header; the engine sets it from the base URL",
                        "request 2 (b): <expectStatus> '2OO' is not a comma-separated list of HTTP status codes "
                                + "(100-599)",
                        "request 2 (b): <bodyMatches> '(' is not a regular expression: Unclosed group",
                        "request 4 (c): the name is used twice; give each request its own <name>",
                        "<model> is 'sideways'; use open or closed",
                        "<rate> must be a positive number of requests per second, but is -1.0",
                        "<trials> must be at least 1, but is 0",
                        "<connections> must be at least 1, but is 0",
                        "<warmup> is '5 sec', not a duration; write a number and a unit (us, ms, s, m, h), "
                                + "e.g. 10s or 500ms",
                        "<requestTimeout> must be longer than 0s",
                        "<rampUp> (20s) must be shorter than <duration> (10s)",
                        "c: uses #{id} but no <feeder> is configured"));
    }

    @Test
    void placeholdersMustNameFeederColumns() throws Exception {
        Path csv = Files.writeString(dir.resolve("users.csv"), "id,name\n1,ann\n");
        RequestDraft ok = new RequestDraft("u", null, "/users/#{id}", Map.of(), null, null, null,
                List.of("#{name}"), null);
        assertThat(LoadDefinitionBuilder.build(List.of(ok), PROFILE, csv).feeder().rows()).hasSize(1);

        RequestDraft typo = get("v", "/users/#{uid}");
        assertThatThrownBy(() -> LoadDefinitionBuilder.build(List.of(typo), PROFILE, csv))
                .hasMessageContaining("v: uses #{uid}, but the feeder users.csv has only the columns [id, name]");
    }

    @Test
    void bodyMatchesMayHoldPlaceholdersAndTheAllRequestsNameIsReserved() throws Exception {
        Path csv = Files.writeString(dir.resolve("ids.csv"), "id\n7\n");
        RequestDraft regex = new RequestDraft("u", null, "/users/#{id}", Map.of(), null, null, null, null,
                List.of("\"id\":#{id}[,}]"));
        assertThat(LoadDefinitionBuilder.build(List.of(regex), PROFILE, csv).requests()).hasSize(1);

        assertThatThrownBy(() -> LoadDefinitionBuilder.build(List.of(get("*", "/")), PROFILE, null))
                .hasMessageContaining("the name '*' is reserved");
        // a default name never shows a secret query value
        assertThat(LoadDefinitionBuilder.build(List.of(get(null, "/s?access_token=abc")), PROFILE, null)
                .requests().get(0).name()).isEqualTo("GET /s?access_token=***");
    }

    @Test
    void noRequestsIsAnError() {
        assertThatThrownBy(() -> LoadDefinitionBuilder.build(List.of(), PROFILE, null))
                .hasMessageContaining("no requests are configured");
    }

    @Test
    void scenarioFileReadsRequestsAndRejectsTypos() throws Exception {
        Path scenario = Files.writeString(dir.resolve("scenario.json"), """
                {
                  "requests": [
                    { "name": "GET /search", "path": "/search?q=shoes", "weight": 3, "bodyContains": ["hits"] },
                    { "method": "POST", "path": "/cart", "headers": {"Content-Type": "application/json"},
                      "body": "{\\"item\\": 1}", "expectStatus": "201" }
                  ]
                }
                """);
        LoadDefinition load = LoadDefinitionBuilder.build(ScenarioFile.read(scenario), PROFILE, null);
        assertThat(load.requests()).extracting(RequestSpec::name).containsExactly("GET /search", "POST /cart");
        assertThat(load.requests().get(1).body()).isEqualTo("{\"item\": 1}");

        Path typo = Files.writeString(dir.resolve("typo.json"), "{\"requests\": [{\"path\": \"/\", \"wieght\": 2}]}");
        assertThatThrownBy(() -> ScenarioFile.read(typo))
                .hasMessageStartingWith("scenario file " + typo + " cannot be read at line 1")
                .hasMessageContaining("wieght");
        Path empty = Files.writeString(dir.resolve("empty.json"), "{}");
        assertThatThrownBy(() -> ScenarioFile.read(empty)).hasMessageContaining("has no \"requests\"");
    }
}
