package dev.perfgate.run;

import static org.assertj.core.api.Assertions.assertThat;
import dev.perfgate.result.LoadInfo;
import dev.perfgate.result.RunJson;

import dev.perfgate.load.Feeder;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.RequestSpec;
import dev.perfgate.result.LoadModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoadInfosTest {

    private static LoadProfile profile(double rate, int trials) {
        return new LoadProfile(LoadModel.OPEN, rate, Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(5),
                trials, 16, Duration.ofSeconds(10), Duration.ofMillis(5));
    }

    private static RequestSpec search(String token) {
        return new RequestSpec("GET /search", "GET", "/search?q=x",
                Map.of("Authorization", "Bearer " + token, "X-Session-Token", token, "Accept", "application/json"),
                null, 1, List.of(), List.of("hits"), List.of());
    }

    @Test
    void secretsAreRedactedAndDoNotChangeTheHash() {
        LoadInfo a = LoadInfos.describe(new LoadDefinition(List.of(search("s3cr3t")), profile(100, 5), null),
                Set.of());
        LoadInfo b = LoadInfos.describe(new LoadDefinition(List.of(search("rotated")), profile(100, 5), null),
                Set.of());

        assertThat(RunJson.toJson(a)).doesNotContain("s3cr3t").contains("***").contains("application/json");
        assertThat(a.hash()).isEqualTo(b.hash());
    }

    @Test
    void configuredSecretHeadersAreRedactedToo() {
        RequestSpec spec = new RequestSpec("GET /", "GET", "/", Map.of("X-Tenant", "acme-private"), null, 1,
                List.of(), List.of(), List.of());
        LoadInfo info = LoadInfos.describe(new LoadDefinition(List.of(spec), profile(100, 5), null),
                Set.of("x-tenant"));
        assertThat(RunJson.toJson(info)).doesNotContain("acme-private");
    }

    @Test
    void hashChangesWithTheLoadButNotWithTheTrialCount() {
        String base = LoadInfos.describe(new LoadDefinition(List.of(search("t")), profile(100, 5), null),
                Set.of()).hash();
        String otherRate = LoadInfos.describe(new LoadDefinition(List.of(search("t")), profile(200, 5), null),
                Set.of()).hash();
        String moreTrials = LoadInfos.describe(new LoadDefinition(List.of(search("t")), profile(100, 10), null),
                Set.of()).hash();
        Feeder feeder = new Feeder("users.csv", List.of("id"), List.of(Map.of("id", "1"), Map.of("id", "2")));
        String withFeeder = LoadInfos.describe(new LoadDefinition(List.of(search("t")), profile(100, 5), feeder),
                Set.of()).hash();

        assertThat(otherRate).isNotEqualTo(base);
        assertThat(withFeeder).isNotEqualTo(base);
        assertThat(moreTrials).isEqualTo(base);
    }

    @Test
    void feederValuesAreNeverStored() {
        Feeder feeder = new Feeder("users.csv", List.of("email"), List.of(Map.of("email", "ann@example.org")));
        LoadInfo info = LoadInfos.describe(new LoadDefinition(List.of(search("t")), profile(100, 5), feeder),
                Set.of());
        assertThat(RunJson.toJson(info)).doesNotContain("ann@example.org").contains("users.csv");
    }

    @Test
    void restartPerTrialChangesTheHashOnlyWhenTrue() {
        RequestSpec r = new RequestSpec("GET /search", "GET", "/search?q=x", Map.of("Accept", "application/json"),
                null, 1, List.of(), List.of("hits"), List.of());
        LoadDefinition load = new LoadDefinition(List.of(r), profile(100, 5), null);

        LoadInfo off = LoadInfos.describe(load, Set.of(), false);
        LoadInfo on = LoadInfos.describe(load, Set.of(), true);

        // Computed by the version before restartPerTrial existed: recorded baselines keep their hash.
        assertThat(off.hash()).isEqualTo("e3ae3da8fcc49c57e02bb2b6603c013e3ecc90fbbcba451c1650e5a5b266283e");
        assertThat(on.hash()).isNotEqualTo(off.hash());
        assertThat(on.restartPerTrial()).isTrue();
        assertThat(off.restartPerTrial()).isFalse();
    }

    @Test
    void trialCountsOfAnExtendedRunAreRecordedOutsideTheHash() {
        LoadInfo planned = LoadInfos.describe(new LoadDefinition(List.of(search("t")), profile(100, 5), null),
                Set.of());
        LoadInfo extended = planned.withTrials(7, 10);

        assertThat(planned.trials()).isEqualTo(5);
        assertThat(planned.plannedTrials()).isEqualTo(5);
        assertThat(planned.maxTrials()).isEqualTo(5);
        assertThat(extended.trials()).isEqualTo(7);
        assertThat(extended.plannedTrials()).isEqualTo(5);
        assertThat(extended.maxTrials()).isEqualTo(10);
        assertThat(extended.hash()).isEqualTo(planned.hash());
    }

    @Test
    void olderFilesWithoutTheNewFieldsStillRead() throws Exception {
        String json = RunJson.toJson(LoadInfos.describe(new LoadDefinition(List.of(search("t")), profile(100, 5),
                null), Set.of())).replaceAll("(?m)^\\s*\"(plannedTrials|maxTrials|restartPerTrial)\" : [^,\\n]*,?\\n", "");
        assertThat(json).doesNotContain("plannedTrials").doesNotContain("restartPerTrial");

        LoadInfo read = RunJson.mapper().readValue(json, LoadInfo.class);

        assertThat(read.trials()).isEqualTo(5);
        assertThat(read.restartPerTrial()).isFalse();
        assertThat(read.plannedTrials()).isZero();
    }
}
