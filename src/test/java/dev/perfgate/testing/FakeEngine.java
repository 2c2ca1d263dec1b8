package dev.perfgate.testing;

import dev.perfgate.load.LoadEngine;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.measure.RequestRecording;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.LoadModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Hands back a small recording at once, without sending anything: the measurement's sequencing can be tested in
 * milliseconds. Fails the trial numbered {@code failOnTrial}, as an engine that could not send anything.
 */
public final class FakeEngine implements LoadEngine {
    private final int failOnTrial;
    private final List<TrialPlan> plans = Collections.synchronizedList(new ArrayList<>());

    public FakeEngine() {
        this(-1);
    }

    public FakeEngine(int failOnTrial) {
        this.failOnTrial = failOnTrial;
    }

    @Override
    public TrialRecording run(TrialPlan plan) throws LoadException {
        plans.add(plan);
        if (plan.trial() == failOnTrial) {
            throw new LoadException("no connection could be opened (fake failure in trial " + plan.trial() + ")");
        }
        RequestRecording rec = new RequestRecording();
        for (int i = 0; i < 10; i++) {
            rec.corrected().recordValue(1_000 + i);
            rec.uncorrected().recordValue(900 + i);
        }
        plan.progress().progress((plan.warmup() ? "warm-up" : "trial " + plan.trial()) + " done: fake");
        long now = System.currentTimeMillis();
        return new TrialRecording(plan.trial(), LoadModel.OPEN, now, now + 1, plan.duration().toMillis() / 1000.0,
                10, 10, null, Map.of("GET /", rec), List.of(), List.of(), null);
    }

    public List<TrialPlan> plans() {
        synchronized (plans) {
            return List.copyOf(plans);
        }
    }

    @Override
    public void close() {
    }
}
