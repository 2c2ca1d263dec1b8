package dev.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import java.io.File;
import java.nio.file.Files;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineVersionsTest {
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
}
