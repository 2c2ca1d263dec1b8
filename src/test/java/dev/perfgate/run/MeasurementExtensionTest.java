package dev.perfgate.run;

import static org.assertj.core.api.Assertions.assertThat;
import dev.perfgate.result.RunJson;
import dev.perfgate.result.RunResult;
import dev.perfgate.result.TrialResult;
import dev.perfgate.testing.CapturedLog;
import dev.perfgate.testing.FakeEngine;
import dev.perfgate.testing.TestPlans;

import dev.perfgate.load.TrialPlan;
import dev.perfgate.run.TrialExtension.Extension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sequential extension, with an engine that sends nothing: only the measurement's sequencing is under test. */
class MeasurementExtensionTest {
    private static final String URL = "http://127.0.0.1:9";

    @TempDir
    Path dir;

    private final CapturedLog log = new CapturedLog();
    private final FakeEngine engine = new FakeEngine();
    private final List<RunResult> interims = new ArrayList<>();

    private MeasurementPlan plan(int trials, int maxTrials, TrialExtension hook) {
        return TestPlans.plan(null, URL, TestPlans.load(trials), () -> engine, dir).withExtension(hook, maxTrials);
    }

    @Test
    void runsTheTrialsTheHookAsksForThenStops() throws Exception {
        RunResult run = new Measurement(plan(5, 10, interim -> {
            interims.add(interim);
            return interims.size() == 1 ? new Extension(2, "1 relative gate(s) inconclusive") : new Extension(0, null);
        }), log).run();

        assertThat(run.trials()).extracting(TrialResult::trial).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(interims).extracting(r -> r.trials().size()).containsExactly(5, 7);
        assertThat(interims.get(0).load().trials()).isEqualTo(5);
        assertThat(interims.get(0).load().maxTrials()).isEqualTo(10);
        assertThat(interims.get(0).flags()).isEmpty();
        assertThat(engine.plans()).filteredOn(TrialPlan::warmup).hasSize(1);
        assertThat(log.containing("running")).containsExactly(
                "1 relative gate(s) inconclusive after 5 trials; running 2 more (cap 10)");
        assertThat(log.lines()).contains("trial 5/5 done: fake", "trial 6/7 done: fake",
                "trial 7/7 done: fake");

        RunResult written = RunJson.read(dir.resolve(Measurement.RUN_FILE));
        assertThat(written.trials()).hasSize(7);
        assertThat(written.load().trials()).isEqualTo(7);
        assertThat(written.load().plannedTrials()).isEqualTo(5);
        assertThat(written.load().maxTrials()).isEqualTo(10);
        assertThat(written.load().hash()).isEqualTo(interims.get(0).load().hash());
        assertThat(written.overall().stats().count()).isEqualTo(70);
        assertThat(written.flags()).isEmpty();
    }

    @Test
    void aHookAskingBeyondTheCapIsClampedAndNotAskedAgain() throws Exception {
        RunResult run = new Measurement(plan(5, 8, interim -> {
            interims.add(interim);
            return new Extension(100, null);
        }), log).run();

        assertThat(run.trials()).hasSize(8);
        assertThat(interims).hasSize(1);
        assertThat(log.containing("running")).containsExactly(
                "more trials requested after 5 trials; running 3 more (cap 8, 100 asked)");
    }

    @Test
    void withoutRoomTheHookIsNeverAsked() throws Exception {
        RunResult run = new Measurement(plan(3, 3, interim -> {
            interims.add(interim);
            return new Extension(1, "never");
        }), log).run();

        assertThat(run.trials()).hasSize(3);
        assertThat(interims).isEmpty();
    }

    @Test
    void withoutAHookExactlyThePlannedTrials() throws Exception {
        RunResult run = new Measurement(TestPlans.plan(null, URL, TestPlans.load(3), () -> engine, dir), log).run();

        assertThat(run.trials()).hasSize(3);
        assertThat(run.load().plannedTrials()).isEqualTo(3);
        assertThat(run.load().maxTrials()).isEqualTo(3);
        assertThat(run.load().restartPerTrial()).isFalse();
        assertThat(log.lines()).contains("trial 3/3 done: fake");
        assertThat(Files.exists(dir.resolve(Measurement.RUN_FILE))).isTrue();
    }
}
