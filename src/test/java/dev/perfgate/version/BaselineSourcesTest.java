package dev.perfgate.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.service.JfrOptions;
import dev.perfgate.service.Readiness;
import dev.perfgate.service.ServiceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineSourcesTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path dir;
    Path project;
    Path module;
    BaselineVersion version;

    @BeforeEach
    void layout() throws Exception {
        project = Files.createDirectories(dir.resolve("repo/service"));
        module = Files.createDirectories(project.resolve("target/perfgate/baseline-src/service"));
        Files.createDirectories(module.resolve("target/classes"));
        version = new BaselineVersion(COMMIT, "origin/main", project, module, module.resolve("target/classes"),
                List.of(Path.of("/m2/lib-1.0.jar"), Path.of("/m2/other-2.0.jar")));
    }

    private ServiceSpec.Builder common(ServiceSpec.Builder builder) {
        return builder.args("--port", "${perfgate.port}").jvmArgs("-Xmx256m").env("MODE", "test")
                .logFile(project.resolve("target/perfgate/service.log"))
                .readiness(Readiness.tcp("127.0.0.1:${perfgate.port}"))
                .readyTimeout(Duration.ofSeconds(42)).stopTimeout(Duration.ofSeconds(3))
                .jfr(JfrOptions.profile(project.resolve("target/perfgate")));
    }

    /** Everything but the launch, the working directory and the log must be the candidate's: a fair comparison. */
    private static void assertSameSettings(ServiceSpec baseline, ServiceSpec candidate) {
        assertThat(baseline.args()).isEqualTo(candidate.args());
        assertThat(baseline.jvmArgs()).isEqualTo(candidate.jvmArgs());
        assertThat(baseline.environment()).isEqualTo(candidate.environment());
        assertThat(baseline.javaExecutable()).isEqualTo(candidate.javaExecutable());
        assertThat(baseline.readiness()).isEqualTo(candidate.readiness());
        assertThat(baseline.readyTimeout()).isEqualTo(candidate.readyTimeout());
        assertThat(baseline.stopTimeout()).isEqualTo(candidate.stopTimeout());
        assertThat(baseline.port()).isEqualTo(candidate.port());
        assertThat(baseline.jfr()).isEqualTo(candidate.jfr());
        assertThat(baseline.logFile()).isEqualTo(candidate.logFile().resolveSibling("baseline-service.log"));
    }

    @Test
    void aMainClassRunsFromTheWorktreesClassesAndRuntimeClasspath() throws Exception {
        ServiceSpec candidate = common(ServiceSpec.mainClass("com.example.Main",
                List.of(project.resolve("target/classes"), Path.of("/m2/lib-1.1.jar")))).build();

        ServiceSpec baseline = version.serviceSpec(candidate);

        assertThat(baseline.launch()).isEqualTo(new ServiceSpec.MainClass("com.example.Main",
                List.of(module.resolve("target/classes"), Path.of("/m2/lib-1.0.jar"), Path.of("/m2/other-2.0.jar"))));
        assertThat(baseline.workingDirectory()).isNull();
        assertSameSettings(baseline, candidate);
        assertThat(version.description()).isEqualTo("git 0123456 (origin/main)");
    }

    @Test
    void aMainClassWithoutBuiltClassesIsAnError() throws Exception {
        Files.delete(module.resolve("target/classes"));
        ServiceSpec candidate = common(ServiceSpec.mainClass("com.example.Main", List.of())).build();

        assertThatThrownBy(() -> version.serviceSpec(candidate)).isInstanceOf(BaselineVersionException.class)
                .hasMessageContaining(module.resolve("target/classes").toString())
                .hasMessageContaining("<baselineJar>");
    }

    @Test
    void aJarIsTakenFromTheSamePathInsideTheWorktree() throws Exception {
        Files.createDirectories(module.resolve("target"));
        Files.writeString(module.resolve("target/app.jar"), "old");
        ServiceSpec candidate = common(ServiceSpec.jar(project.resolve("target/app.jar")))
                .workingDirectory(project.resolve("run")).build();

        ServiceSpec baseline = version.serviceSpec(candidate);

        assertThat(baseline.launch()).isEqualTo(new ServiceSpec.Jar(module.resolve("target/app.jar")));
        assertThat(baseline.workingDirectory()).isEqualTo(module.resolve("run"));
        assertSameSettings(baseline, candidate);
    }

    @Test
    void aJarTheBaselineDidNotBuildIsAnErrorNamingThePathAndWhatWasBuilt() throws Exception {
        Files.createDirectories(module.resolve("target"));
        Files.writeString(module.resolve("target/app-1.2.0.jar"), "old");
        ServiceSpec candidate = common(ServiceSpec.jar(project.resolve("target/app-1.3.0-SNAPSHOT.jar"))).build();

        assertThatThrownBy(() -> version.serviceSpec(candidate)).isInstanceOf(BaselineVersionException.class)
                .hasMessageContaining(module.resolve("target/app-1.3.0-SNAPSHOT.jar").toString())
                .hasMessageContaining("app-1.2.0.jar")
                .hasMessageContaining("<baselineJar>");
    }

    @Test
    void aJarOutsideTheProjectHasNoCounterpart() {
        ServiceSpec candidate = common(ServiceSpec.jar(dir.resolve("elsewhere/app.jar"))).build();

        assertThatThrownBy(() -> version.serviceSpec(candidate)).isInstanceOf(BaselineVersionException.class)
                .hasMessageContaining("outside the project").hasMessageContaining("<baselineJar>");
    }

    @Test
    void aCommandRunsUnchangedInTheWorktreesModule() throws Exception {
        ServiceSpec candidate = common(ServiceSpec.command(List.of("./start.sh", "--fast"))).build();
        ServiceSpec inSubdirectory = common(ServiceSpec.command(List.of("./start.sh")))
                .workingDirectory(project.resolve("scripts")).build();
        ServiceSpec elsewhere = common(ServiceSpec.command(List.of("./start.sh")))
                .workingDirectory(dir.resolve("opt")).build();

        ServiceSpec baseline = version.serviceSpec(candidate);

        assertThat(baseline.launch()).isEqualTo(candidate.launch());
        assertThat(baseline.workingDirectory()).isEqualTo(module);
        assertSameSettings(baseline, candidate);
        assertThat(version.serviceSpec(inSubdirectory).workingDirectory()).isEqualTo(module.resolve("scripts"));
        assertThat(version.serviceSpec(elsewhere).workingDirectory()).isEqualTo(dir.resolve("opt"));
    }

    @Test
    void anExplicitJarReplacesTheLaunchAndMustExist() throws Exception {
        Path jar = Files.writeString(dir.resolve("old.jar"), "old");
        ServiceSpec candidate = common(ServiceSpec.mainClass("com.example.Main", List.of())).build();

        ServiceSpec baseline = ExplicitBaseline.jar(jar).serviceSpec(candidate);

        assertThat(baseline.launch()).isEqualTo(new ServiceSpec.Jar(jar));
        assertSameSettings(baseline, candidate);
        assertThat(ExplicitBaseline.jar(jar).description()).isEqualTo("jar " + jar);
        assertThatThrownBy(() -> ExplicitBaseline.jar(dir.resolve("missing.jar")))
                .isInstanceOf(BaselineVersionException.class)
                .hasMessageContaining("<baselineJar> " + dir.resolve("missing.jar"))
                .hasMessageContaining("does not exist");
    }

    @Test
    void anExplicitCommandReplacesTheLaunchAndKeepsTheWorkingDirectory() throws Exception {
        ServiceSpec candidate = common(ServiceSpec.command(List.of("./start.sh")))
                .workingDirectory(project).build();

        ServiceSpec baseline = ExplicitBaseline.command(List.of("./start-old.sh", "--v1")).serviceSpec(candidate);

        assertThat(baseline.launch()).isEqualTo(new ServiceSpec.Command(List.of("./start-old.sh", "--v1")));
        assertThat(baseline.workingDirectory()).isEqualTo(project);
        assertSameSettings(baseline, candidate);
        assertThatThrownBy(() -> ExplicitBaseline.command(List.of())).isInstanceOf(BaselineVersionException.class)
                .hasMessageContaining("<baselineCommand>");
        assertThatThrownBy(() -> ExplicitBaseline.command(List.of("./a", " ")))
                .isInstanceOf(BaselineVersionException.class);
    }

    @Test
    void anArtifactGivesAMainClassItsClasspathAndAJarServiceItsJar() throws Exception {
        Path jar = Path.of("/m2/app-1.2.0.jar");
        BaselineArtifact artifact = new BaselineArtifact("com.example:app:1.2.0", jar,
                List.of(jar, Path.of("/m2/lib-1.0.jar")));
        ServiceSpec main = common(ServiceSpec.mainClass("com.example.Main", List.of())).build();
        ServiceSpec jarService = common(ServiceSpec.jar(project.resolve("target/app.jar"))).build();
        ServiceSpec command = common(ServiceSpec.command(List.of("./start.sh"))).build();

        assertThat(artifact.serviceSpec(main).launch()).isEqualTo(new ServiceSpec.MainClass("com.example.Main",
                List.of(jar, Path.of("/m2/lib-1.0.jar"))));
        assertSameSettings(artifact.serviceSpec(main), main);
        assertThat(artifact.serviceSpec(jarService).launch()).isEqualTo(new ServiceSpec.Jar(jar));
        assertThat(artifact.description()).isEqualTo("artifact com.example:app:1.2.0");
        assertThatThrownBy(() -> artifact.serviceSpec(command)).isInstanceOf(BaselineVersionException.class)
                .hasMessageContaining("<baselineCommand>");
    }
}
