package dev.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <scenario>}'s configuration is checked before any JVM is forked. */
@org.apache.maven.api.plugin.testing.MojoTest
class ScenarioMojoTest {
    @TempDir
    Path dir;

    @Test
    @InjectMojo(goal = "run", pom = "src/test/resources/unit/run-bad-config/pom.xml")
    void scenarioRefusesWhatItReplacesThenAClassNotOnTheTestClasspath(RunMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "outputDirectory", dir.resolve("out").toFile());
        MojoExtension.setVariableValueToObject(mojo, "duration", "2s");
        MojoExtension.setVariableValueToObject(mojo, "gates", new ArrayList<>());
        MojoExtension.setVariableValueToObject(mojo, "scenario", "com.example.NoSuchScenario");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("both <scenario> and <requests> are configured; the Java scenario is the load: "
                        + "remove <requests>")
                .hasMessageContaining("<baseUrl> is set, but a Java scenario runs in a JVM perfgate forks")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

        MojoExtension.setVariableValueToObject(mojo, "requests", new ArrayList<>());
        MojoExtension.setVariableValueToObject(mojo, "baseUrl", null);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("perfgate: <scenario> com.example.NoSuchScenario is not on the test classpath")
                .hasMessageEndingWith("run perfgate within mvn verify");
        assertThat(dir.resolve("out/run.json")).doesNotExist();
    }
}
