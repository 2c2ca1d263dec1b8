package dev.perfgate.report.html;

import static dev.perfgate.testing.TestRuns.constant;
import static dev.perfgate.testing.TestRuns.req;
import static dev.perfgate.testing.TestRuns.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.perfgate.result.EnvironmentFingerprint;
import dev.perfgate.result.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentDiffTest {
    private static final RunResult RUN = run().trials(2, "GET /", req(constant(10, 1_000))).build();

    private static EnvironmentDiff.Row row(List<EnvironmentDiff.Row> rows, String field) {
        return rows.stream().filter(r -> r.field().equals(field)).findFirst().orElseThrow();
    }

    @Test
    void everyDifferingFieldIsMarkedAndOnlyThose() {
        RunResult other = run().trials(2, "GET /", req(constant(10, 1_000))).cores(4).javaVersion("17.0.13")
                .jfr(true).build();

        List<EnvironmentDiff.Row> rows = EnvironmentDiff.rows(RUN, other);

        assertThat(rows.stream().filter(EnvironmentDiff.Row::differs).map(EnvironmentDiff.Row::field))
                .containsExactly("cores", "Java version", "JFR");
        assertThat(row(rows, "cores")).isEqualTo(new EnvironmentDiff.Row("cores", "2", "4", true));
        assertThat(row(rows, "JFR").baseline()).isEqualTo("on (profile -XX:StartFlightRecording=settings=profile)");
        assertThat(row(rows, "CPU")).isEqualTo(new EnvironmentDiff.Row("CPU", "Test CPU @ 2.0GHz",
                "Test CPU @ 2.0GHz", false));
    }

    @Test
    void commitAndDateAreShownButNeverMarked() {
        RunResult other = run().trials(2, "GET /", req(constant(10, 1_000))).build().withGitCommit("ffff");

        List<EnvironmentDiff.Row> rows = EnvironmentDiff.rows(RUN, other);

        assertThat(row(rows, "commit").baseline()).isEqualTo("ffff");
        assertThat(row(rows, "commit").differs()).isFalse();
        assertThat(rows).noneMatch(EnvironmentDiff.Row::differs);
    }

    @Test
    void unknownIsNotADifferenceAndNoBaselineMarksNothing() {
        RunResult unknown = new RunResult(RUN.schemaVersion(), "baseline", null, null, null,
                new EnvironmentFingerprint("Linux 6.1", "amd64", null, 0, 0, "Eclipse Adoptium", "17.0.12",
                        List.of()), RUN.load(), null, RUN.trials(), RUN.overall(), RUN.requests(), List.of());

        List<EnvironmentDiff.Row> rows = EnvironmentDiff.rows(RUN, unknown);
        assertThat(row(rows, "CPU").baseline()).isEqualTo("unknown");
        assertThat(row(rows, "CPU").differs()).isFalse();
        assertThat(row(rows, "memory").differs()).isFalse();
        assertThat(row(rows, "JVM options")).isEqualTo(new EnvironmentDiff.Row("JVM options", "-Xmx512m", "none",
                true));

        assertThat(EnvironmentDiff.rows(RUN, null)).allSatisfy(r -> {
            assertThat(r.baseline()).isNull();
            assertThat(r.differs()).isFalse();
        });
    }
}
