package dev.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <script>} and {@code <loadCommand>} are checked before any tool or service is started. */
@org.apache.maven.api.plugin.testing.MojoTest
class ScriptMojoTest {
    @TempDir
    Path dir;

    @Test
    @InjectMojo(goal = "run", pom = "src/test/resources/unit/run-bad-config/pom.xml")
    void aScriptRefusesTheRequestsItReplacesThenAScriptThatIsNotThere(RunMojo mojo) throws Exception {
        prepare(mojo);
        MojoExtension.setVariableValueToObject(mojo, "script", dir.resolve("locustfile.py").toFile());

        // both problems in one round
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("both <script> and <requests> are configured; the script defines the "
                        + "requests: remove <requests>, or <script> to use the embedded engine")
                .hasMessageContaining("<script> " + dir.resolve("locustfile.py") + " does not exist");

        MojoExtension.setVariableValueToObject(mojo, "requests", new ArrayList<>());
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("<script> " + dir.resolve("locustfile.py") + " does not exist");
        assertThat(dir.resolve("out/run.json")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "run", pom = "src/test/resources/unit/run-bad-config/pom.xml")
    void aScriptWhoseToolCannotBeToldAsksForIt(RunMojo mojo) throws Exception {
        prepare(mojo);
        MojoExtension.setVariableValueToObject(mojo, "requests", new ArrayList<>());
        Path script = Files.writeString(dir.resolve("load.txt"), "GET /\n");
        MojoExtension.setVariableValueToObject(mojo, "script", script.toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("cannot tell the tool from its extension")
                .hasMessageContaining("set <scriptTool> to one of locust, k6, jmeter")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    @InjectMojo(goal = "run", pom = "src/test/resources/unit/run-bad-config/pom.xml")
    void aLoadCommandWithAnArgumentMavenBlankedSaysHowToEscapeIt(RunMojo mojo) throws Exception {
        prepare(mojo);
        MojoExtension.setVariableValueToObject(mojo, "requests", new ArrayList<>());
        MojoExtension.setVariableValueToObject(mojo, "loadCommand", new ArrayList<>(Arrays.asList("wrk", null)));
        MojoExtension.setVariableValueToObject(mojo, "loadFormat", "wrk");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("<loadCommand> element 2 is empty")
                .hasMessageContaining("write $${perfgate.baseUrl}");
    }

    @Test
    @InjectMojo(goal = "run", pom = "src/test/resources/unit/run-bad-config/pom.xml")
    void aLoadCommandAndAScriptAreOneTooMany(RunMojo mojo) throws Exception {
        prepare(mojo);
        MojoExtension.setVariableValueToObject(mojo, "requests", new ArrayList<>());
        MojoExtension.setVariableValueToObject(mojo, "loadCommand", new ArrayList<>(List.of("./gen.sh")));
        MojoExtension.setVariableValueToObject(mojo, "script", dir.resolve("load.js").toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("both <loadCommand> and <script> are configured; keep one");
    }

    private void prepare(RunMojo mojo) throws IllegalAccessException {
        MojoExtension.setVariableValueToObject(mojo, "outputDirectory", dir.resolve("out").toFile());
        MojoExtension.setVariableValueToObject(mojo, "duration", "2s");
        MojoExtension.setVariableValueToObject(mojo, "gates", new ArrayList<>());
    }
}
