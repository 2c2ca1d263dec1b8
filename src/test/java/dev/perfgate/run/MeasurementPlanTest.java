package dev.perfgate.run;

import static org.assertj.core.api.Assertions.assertThat;
import dev.perfgate.testing.FakeEngine;
import dev.perfgate.testing.TestPlans;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementPlanTest {
    @TempDir
    Path dir;

    @Test
    void byDefaultExactlyThePlannedTrialsInOneService() {
        MeasurementPlan plan = TestPlans.plan(null, "http://127.0.0.1:8080", TestPlans.load(5), FakeEngine::new,
                dir);

        assertThat(plan.restartPerTrial()).isFalse();
        assertThat(plan.maxTrials()).isEqualTo(5);
        assertThat(plan.extension()).isNull();
    }
}
