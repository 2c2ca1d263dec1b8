package dev.perfgate.gate;

/** Outcome of one check. */
public enum Status {
    PASS, FAIL, SKIPPED
}
