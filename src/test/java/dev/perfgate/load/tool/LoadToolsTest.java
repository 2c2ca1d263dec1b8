package dev.perfgate.load.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.load.ExternalLoad;
import dev.perfgate.load.LoadConfigException;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.result.LoadInfo;
import dev.perfgate.result.LoadModel;
import dev.perfgate.result.RunJson;
import dev.perfgate.run.LoadInfos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadToolsTest {
    private static final LoadProfile PROFILE = new LoadProfile(LoadModel.CLOSED, 10, Duration.ZERO,
            Duration.ofSeconds(5), Duration.ZERO, 3, 4, Duration.ofSeconds(1), Duration.ofMillis(10));

    @TempDir
    Path project;

    @Test
    void theExtensionNamesTheToolUnlessOneIsGiven() throws LoadConfigException {
        assertThat(LoadTools.detect(settings("locustfile.py", null))).isEqualTo("locust");
        assertThat(LoadTools.detect(settings("load.js", null))).isEqualTo("k6");
        assertThat(LoadTools.detect(settings("plan.jmx", null))).isEqualTo("jmeter");
        assertThat(LoadTools.detect(settings("load.txt", "Locust"))).isEqualTo("locust");
        assertThatThrownBy(() -> LoadTools.detect(settings("load.txt", null)))
                .isInstanceOf(LoadConfigException.class)
                .hasMessageContaining("cannot tell the tool from its extension")
                .hasMessageContaining("set <scriptTool>");
        assertThatThrownBy(() -> LoadTools.detect(settings("load.py", "gatling")))
                .hasMessageContaining("<scriptTool> 'gatling' is not one of locust, k6, jmeter");
    }

    @Test
    void aMissingScriptAndWorkersForAToolWithoutThemAreRefusedTogether() {
        ScriptSettings s = new ScriptSettings(project.resolve("missing.js"), null, List.of(), List.of(), Map.of(), 2,
                List.of());
        assertThatThrownBy(() -> LoadTools.create(s, PROFILE))
                .isInstanceOfSatisfying(LoadConfigException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("missing.js does not exist")
                .hasMessageContaining("<scriptWorkers> drives Locust's master/worker mode");
    }

    @Test
    void theIdentityHashesTheScriptRelativeToTheProjectAndMasksSecrets() throws IOException, LoadConfigException {
        Path script = project.resolve("src/perf/locustfile.py");
        Files.createDirectories(script.getParent());
        Files.writeString(script, "print('v1')\n");
        ScriptSettings s = new ScriptSettings(script, null, List.of(), List.of("--tags", "smoke"),
                Map.of("API_TOKEN", "s3cret", "TERM", "shoes"), 0, List.of());

        ExternalLoad v1 = LoadTools.identity(s, project);
        assertThat(v1.tool()).isEqualTo("locust");
        assertThat(v1.source()).isEqualTo("src/perf/locustfile.py");
        assertThat(v1.settings()).containsEntry("property.API_TOKEN", "***").containsEntry("property.TERM", "shoes")
                .containsEntry("args", "--tags smoke");

        Files.writeString(script, "print('v2')\n");
        ExternalLoad v2 = LoadTools.identity(s, project);
        LoadInfo before = LoadInfos.describe(LoadDefinition.external(v1, PROFILE), Set.of());
        LoadInfo after = LoadInfos.describe(LoadDefinition.external(v2, PROFILE), Set.of());
        assertThat(after.hash()).as("an edited script is another load").isNotEqualTo(before.hash());
        assertThat(RunJson.toJson(before)).contains("\"external\"").doesNotContain("s3cret");
    }

    @Test
    void perfgatesOwnLoadKeepsItsFileAndHashWithoutAnExternalField() {
        LoadInfo own = new LoadInfo("open", 100, 0, 10, 5, 5, 4, List.of(), null, "h");
        assertThat(RunJson.toJson(own)).doesNotContain("external");
    }

    private ScriptSettings settings(String file, String tool) {
        return new ScriptSettings(project.resolve(file), tool, List.of(), List.of(), Map.of(), 0, List.of());
    }
}
