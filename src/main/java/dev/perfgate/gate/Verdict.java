package dev.perfgate.gate;

import java.util.ArrayList;
import java.util.List;

/**
 * All outcomes of one evaluation.
 *
 * @param outcomes    one per check of each gate, in gate order
 * @param runProblems problems of the run as a whole (no data, flagged measurement); each one is a failure
 */
public record Verdict(List<GateOutcome> outcomes, List<GateOutcome> runProblems) {
    public Verdict {
        outcomes = List.copyOf(outcomes);
        runProblems = List.copyOf(runProblems);
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    /** Run problems first, then failed gate checks. */
    public List<GateOutcome> failures() {
        List<GateOutcome> failures = new ArrayList<>();
        for (GateOutcome o : runProblems) {
            if (o.status() != Status.PASS) {
                failures.add(o);
            }
        }
        for (GateOutcome o : outcomes) {
            if (o.status() == Status.FAIL) {
                failures.add(o);
            }
        }
        return failures;
    }

    /** Messages of skipped checks. */
    public List<String> warnings() {
        return outcomes.stream().filter(o -> o.status() == Status.SKIPPED).map(GateOutcome::message).toList();
    }
}
