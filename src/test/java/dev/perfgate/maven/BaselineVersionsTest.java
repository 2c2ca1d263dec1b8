package dev.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.gate.TestRuns;
import dev.perfgate.run.RunJson;
import dev.perfgate.run.RunResult;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.version.BaselineSource;
import dev.perfgate.version.ExplicitBaseline;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineVersionsTest {
    private static final ServiceSpec CANDIDATE = ServiceSpec.mainClass("com.example.Main", List.of()).build();

    @TempDir
    Path dir;

    @Test
    void thePreviousReleaseIsTheNewestNonSnapshotStrictlyBelowTheProjectVersion() {
        List<String> versions = List.of("1.0.0", "1.2.0-SNAPSHOT", "1.1.0", "1.2.0-20240102.030405-6", "1.10.0",
                "1.9.0", "1.3.0", "2.0.0-beta-1", "1.3.0-SNAPSHOT");

        // 1.2.0 exists only as snapshots
        assertThat(BaselineVersions.newestReleaseBelow("1.3.0-SNAPSHOT", versions)).contains("1.1.0");
        // numeric, not text, ordering: 1.10.0 is above 1.9.0
        assertThat(BaselineVersions.newestReleaseBelow("1.11.0-SNAPSHOT", versions)).contains("1.10.0");
        assertThat(BaselineVersions.newestReleaseBelow("1.9.5", versions)).contains("1.9.0");
        // a release build compares against the release before it, never itself
        assertThat(BaselineVersions.newestReleaseBelow("1.3.0", List.of("1.2.0", "1.3.0"))).contains("1.2.0");
        // 1.3.0 is above 1.3.0-SNAPSHOT: a release of the version being developed is not "before" it
        assertThat(BaselineVersions.newestReleaseBelow("1.3.0-SNAPSHOT", List.of("1.2.9", "1.3.0"))).contains("1.2.9");
        // a pre-release counts as a release, and sorts below its final version
        assertThat(BaselineVersions.newestReleaseBelow("2.0.0", versions)).contains("2.0.0-beta-1");
        assertThat(BaselineVersions.newestReleaseBelow("1.0.0", versions)).isEmpty();
        assertThat(BaselineVersions.newestReleaseBelow("1.0.0", List.of())).isEqualTo(Optional.empty());
        assertThat(BaselineVersions.newestReleaseBelow("9", List.of("1.0-SNAPSHOT", "1.1-20240102.030405-1")))
                .isEmpty();
    }

    @Test
    void snapshotsArePlainOrTimestamped() {
        assertThat(BaselineVersions.isSnapshot("1.0-SNAPSHOT")).isTrue();
        assertThat(BaselineVersions.isSnapshot("1.0-snapshot")).isTrue();
        assertThat(BaselineVersions.isSnapshot("1.0-20240102.030405-6")).isTrue();
        assertThat(BaselineVersions.isSnapshot("1.0")).isFalse();
        assertThat(BaselineVersions.isSnapshot("2024.01.02")).isFalse();
    }

    @Test
    void theBaselineBuildResolvesAsThisBuildDoes() throws Exception {
        File settings = Files.writeString(dir.resolve("settings.xml"), "<settings/>").toFile();
        File global = Files.writeString(dir.resolve("global.xml"), "<settings/>").toFile();

        assertThat(BaselineVersions.mavenOptions(true, settings, global, dir.resolve("maven/conf/settings.xml"),
                "/repo", List.of("ci", "fast"), List.of("slow")))
                .containsExactly("-o", "-s", settings.getAbsolutePath(), "-gs", global.getAbsolutePath(),
                        "-Dmaven.repo.local=/repo", "-Pci,fast,!slow");
        // defaults (missing user settings, the installation's own global settings) are not repeated
        assertThat(BaselineVersions.mavenOptions(false, dir.resolve("none.xml").toFile(), global, global.toPath(),
                "/repo", List.of(), null)).containsExactly("-Dmaven.repo.local=/repo");
    }

    @Test
    void colonBaselineMeansTheCommitTheCommittedBaselineWasRecordedAt() throws Exception {
        Path file = dir.resolve("src/perf/baseline.json");
        String record = "mvn package perfgate:baseline";

        // any other ref is taken as it is, and ":baseline" cannot be a branch: git refuses ':' in ref names
        assertThat(BaselineVersions.resolveRef("origin/main", file, record)).isEqualTo("origin/main");
        assertThat(BaselineVersions.resolveRef(null, file, record)).isNull();
        assertThatThrownBy(() -> BaselineVersions.resolveRef(":baseline", file, record))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("perfgate: <baselineRef> :baseline means the commit recorded in " + file + ", but there "
                        + "is no such file; record one with mvn package perfgate:baseline and commit it, or name a "
                        + "git ref");

        RunResult recorded = TestRuns.run().trials(2, "GET /a", TestRuns.req(TestRuns.constant(50, 1_000))).build()
                .asBaseline().withGitCommit(null);
        RunJson.write(file, recorded);
        assertThatThrownBy(() -> BaselineVersions.resolveRef(":baseline", file, record))
                .hasMessageContaining("it records no commit (it was recorded outside a git repository)");

        RunJson.write(file, recorded.withGitCommit("0123456789abcdef0123456789abcdef01234567"));
        assertThat(BaselineVersions.resolveRef(" :baseline ", file, record))
                .isEqualTo("0123456789abcdef0123456789abcdef01234567");

        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> BaselineVersions.resolveRef(":baseline", file, record))
                .hasMessageStartingWith("perfgate: <baselineRef> :baseline means the commit recorded in " + file
                        + ", but it cannot be read: ");
    }

    @Test
    void noBaselineIsNullAndTwoAreAnError() throws Exception {
        assertThat(select(null, " ", null, List.of())).isNull();
        assertThatThrownBy(() -> select("origin/main", "com.example:app:1.0", null, null))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("perfgate: set one of <baselineRef>, <baselineArtifact>, <baselineJar> or "
                        + "<baselineCommand>, not 2");
    }

    @Test
    void anExplicitJarOrCommandNeedsNoSession() throws Exception {
        Path jar = Files.writeString(dir.resolve("old.jar"), "old");

        assertThat(select(null, null, jar.toFile(), null)).isEqualTo(new ExplicitBaseline(new ServiceSpec.Jar(jar)));
        assertThat(select(null, null, null, List.of("./old.sh")))
                .isEqualTo(new ExplicitBaseline(new ServiceSpec.Command(List.of("./old.sh"))));
        assertThatThrownBy(() -> select(null, null, dir.resolve("missing.jar").toFile(), null))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("<baselineJar> " + dir.resolve("missing.jar"));
    }

    private BaselineSource select(String ref, String artifact, File jar, List<String> command)
            throws MojoExecutionException {
        return BaselineVersions.select(ref, artifact, jar, command, CANDIDATE, dir.toFile(), "1.0-SNAPSHOT",
                dir.resolve("target/perfgate").toFile(), null, null, List.of(), null);
    }
}
