package dev.perfgate.gate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * All outcomes of one evaluation.
 *
 * @param outcomes           one per check of each gate, in gate order
 * @param runProblems        problems of the run as a whole (no data, flagged measurement); each one is a failure
 * @param runWarnings        things to know about the whole comparison (e.g. compared despite another environment)
 * @param failOnInconclusive whether an INCONCLUSIVE check fails the build (inconclusive=fail)
 */
public record Verdict(List<GateOutcome> outcomes, List<GateOutcome> runProblems, List<String> runWarnings,
        boolean failOnInconclusive) {
    public Verdict {
        outcomes = List.copyOf(outcomes);
        runProblems = List.copyOf(runProblems);
        runWarnings = List.copyOf(runWarnings);
    }

    public Verdict(List<GateOutcome> outcomes, List<GateOutcome> runProblems) {
        this(outcomes, runProblems, List.of(), false);
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    /** Whether this outcome fails the build. */
    public boolean fails(GateOutcome o) {
        return o.status() == Status.FAIL || (failOnInconclusive && o.status() == Status.INCONCLUSIVE);
    }

    /** Run problems first, then failed gate checks (and inconclusive ones, when they fail the build). */
    public List<GateOutcome> failures() {
        List<GateOutcome> failures = new ArrayList<>();
        for (GateOutcome o : runProblems) {
            if (o.status() != Status.PASS) {
                failures.add(o);
            }
        }
        for (GateOutcome o : outcomes) {
            if (fails(o)) {
                failures.add(o);
            }
        }
        return failures;
    }

    /** Run warnings, then the messages of skipped checks and of inconclusive ones that do not fail the build. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>(runWarnings);
        for (GateOutcome o : outcomes) {
            if (o.status() == Status.SKIPPED || (o.status() == Status.INCONCLUSIVE && !failOnInconclusive)) {
                warnings.add(o.message());
            }
        }
        return warnings;
    }

    /**
     * The relative checks that more trials could decide: inconclusive, tested, and not too noisy (more trials do not
     * quieten a noisy machine). What inconclusive=extend asks before it measures more.
     */
    public List<GateOutcome> wantingTrials() {
        return outcomes.stream()
                .filter(o -> o.status() == Status.INCONCLUSIVE && o.statistics() != null && !o.statistics().noisy())
                .toList();
    }

    public long count(Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** Why this outcome (a gate check's, or a run problem's: gate null) fails the build, or null when it does not. */
    public FailureCategory failureCategory(GateOutcome o) {
        boolean failing = o.gate() == null ? o.status() != Status.PASS : fails(o);
        if (!failing) {
            return null;
        }
        return o.status() == Status.INCONCLUSIVE ? FailureCategory.INCONCLUSIVE : FailureCategory.of(o.category());
    }

    /** The distinct kinds of failure, in the order of {@link #failures()}; empty when the verdict passed. */
    public List<FailureCategory> failureCategories() {
        Set<FailureCategory> kinds = new LinkedHashSet<>();
        failures().forEach(o -> kinds.add(failureCategory(o)));
        return List.copyOf(kinds);
    }
}
