package dev.perfgate.gate;

/**
 * The result of one check of a gate, or a problem of the whole run.
 *
 * @param gate          the gate, or null for a run problem
 * @param status        pass, fail or skipped
 * @param category      which check (THRESHOLD, REGRESSION, IMPROVEMENT_NOT_MET) or why it could not be made
 * @param value         the measured value in the metric's unit (ms, /s, fraction), or null
 * @param baselineValue the baseline's value in the same unit, or null
 * @param message       one line, for the log and the reports
 * @param statistics    for relative checks that were tested: the evidence; otherwise null
 */
public record GateOutcome(Gate gate, Status status, Category category, Double value, Double baselineValue,
        String message, RelativeStats statistics) {

    public GateOutcome(Gate gate, Status status, Category category, Double value, Double baselineValue,
            String message) {
        this(gate, status, category, value, baselineValue, message, null);
    }

    /** The limit this outcome was checked against, as text ("max 250 ms"), or "" for run problems. */
    public String limit() {
        return gate == null ? "" : gate.limitText(category);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
