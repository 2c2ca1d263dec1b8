package dev.perfgate.gate;

/**
 * Whether a baseline was found, and what relative gates do without one: fail (default, so that a deleted
 * baseline never turns the gate green) or be skipped with a warning.
 */
public enum BaselineState {
    PRESENT, MISSING_FAIL, MISSING_SKIP
}
