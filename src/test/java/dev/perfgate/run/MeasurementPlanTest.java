package dev.perfgate.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementPlanTest {
    @TempDir
    Path dir;

    @Test
    void restartPerTrialWithoutAServiceIsAConfigurationErrorSayingWhatToChange() {
        MeasurementPlan plan = TestPlans.plan(null, "http://127.0.0.1:8080", TestPlans.load(2), FakeEngine::new,
                dir);

        assertThatThrownBy(() -> plan.withRestartPerTrial(true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("restartPerTrial is true, but no <service> is configured")
                .hasMessageContaining("configure <service>, or set restartPerTrial to false")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void maxTrialsBelowTheTrialsIsAConfigurationError() {
        MeasurementPlan plan = TestPlans.plan(null, "http://127.0.0.1:8080", TestPlans.load(5), FakeEngine::new,
                dir);

        assertThatThrownBy(() -> plan.withExtension(interim -> null, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxTrials (4) is less than trials (5); set maxTrials to at least 5, or leave it out to "
                        + "run exactly the trials");
    }

    @Test
    void byDefaultExactlyThePlannedTrialsInOneService() {
        MeasurementPlan plan = TestPlans.plan(null, "http://127.0.0.1:8080", TestPlans.load(5), FakeEngine::new,
                dir);

        assertThat(plan.restartPerTrial()).isFalse();
        assertThat(plan.maxTrials()).isEqualTo(5);
        assertThat(plan.extension()).isNull();
    }
}
