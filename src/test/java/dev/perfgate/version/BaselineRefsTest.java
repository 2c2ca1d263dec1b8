package dev.perfgate.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineRefsTest {
    @TempDir
    Path dir;

    @Test
    void colonBaselineMeansTheCommitTheCommittedBaselineWasRecordedAt() throws Exception {
        Path file = dir.resolve("src/perf/baseline.json");

        // any other ref is taken as it is, and ":baseline" cannot be a branch: git refuses ':' in ref names
        assertThat(BaselineRefs.resolve("origin/main", file)).isEqualTo("origin/main");
        assertThat(BaselineRefs.resolve(null, file)).isNull();
        assertThatThrownBy(() -> BaselineRefs.resolve(":baseline", file))
                .isInstanceOf(BaselineVersionException.class)
                .hasMessage("<baselineRef> :baseline means the commit recorded in " + file + ", but there "
                        + "is no such file; record one with mvn package perfgate:baseline and commit it, or name a "
                        + "git ref");

        RunResult recorded = TestRuns.run().trials(2, "GET /a", TestRuns.req(TestRuns.constant(50, 1_000))).build()
                .asBaseline().withGitCommit(null);
        RunJson.write(file, recorded);
        assertThatThrownBy(() -> BaselineRefs.resolve(":baseline", file))
                .hasMessageContaining("it records no commit (it was recorded outside a git repository)");

        RunJson.write(file, recorded.withGitCommit("0123456789abcdef0123456789abcdef01234567"));
        assertThat(BaselineRefs.resolve(" :baseline ", file))
                .isEqualTo("0123456789abcdef0123456789abcdef01234567");

        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> BaselineRefs.resolve(":baseline", file))
                .hasMessageStartingWith("<baselineRef> :baseline means the commit recorded in " + file
                        + ", but it cannot be read: ");
    }
}
