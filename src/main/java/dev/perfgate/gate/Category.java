package dev.perfgate.gate;

import java.util.Locale;

/**
 * What an outcome is about. For gate checks it names the check — {@link #THRESHOLD} (max/min),
 * {@link #REGRESSION} (maxRegression), {@link #IMPROVEMENT_NOT_MET} (minImprovement, named after the way it
 * fails) — whether it passed or not; the other values are reasons a check could not be made.
 * {@link #INFRASTRUCTURE}: no gate was evaluated at all, because the run or the check could not be carried out
 * (rejected configuration, a service that did not start or crashed, nothing sent); only goals that stop before a
 * verdict write it.
 */
public enum Category {
    THRESHOLD, REGRESSION, IMPROVEMENT_NOT_MET, NO_DATA, BROKEN_MEASUREMENT, MISSING_BASELINE, INCOMPARABLE_BASELINE,
    ENVIRONMENT_MISMATCH, INFRASTRUCTURE;

    /** Lower case, hyphenated: "improvement-not-met". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
