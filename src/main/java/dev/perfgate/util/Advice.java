package dev.perfgate.util;

/**
 * Advice that recurs across messages, written once so that every message gives the same next step in the same
 * words.
 */
public final class Advice {
    /** The command that records the baseline, the only one that writes it. */
    public static final String RECORD_BASELINE_COMMAND = "mvn package perfgate:baseline";
    /** The command that measures again (perfgate:run is bound to integration-test, perfgate:check to verify). */
    public static final String MEASURE_AGAIN_COMMAND = "mvn verify";

    private Advice() {
    }

    /** For a missing baseline. */
    public static String recordBaseline() {
        return recordBaseline(RECORD_BASELINE_COMMAND);
    }

    /** For a missing baseline, recorded with {@code command}. */
    public static String recordBaseline(String command) {
        return "record one with " + command;
    }

    /** For a baseline that exists but cannot be used, recorded again with {@code command}. */
    public static String recordBaselineAgain(String command) {
        return "re-record it with " + command;
    }

    /**
     * Maven evaluates a parameter that is exactly {@code ${perfgate.port}} (or another property perfgate fills in
     * itself) before perfgate runs, finds no such property, and passes null; embedded in a longer value the
     * expression is left alone. Says how to write it.
     *
     * @param property e.g. "perfgate.port"
     */
    public static String escapeProperty(String property) {
        return "Maven replaces a value that is only ${" + property + "} (or another unknown property) by nothing; "
                + "write $${" + property + "}";
    }

    /** The same for the port, which services can also read from their environment. */
    public static String escapePort() {
        return escapeProperty("perfgate.port") + ", or read the PERFGATE_PORT environment variable";
    }

    /** For a relative check that cannot decide with the trials it has: "use <trials>6</trials> or more". */
    public static String useTrials(int trials) {
        return "use <trials>" + trials + "</trials> or more";
    }

    /** The same for interleaved pairs. */
    public static String usePairs(int pairs) {
        return "use <pairs>" + pairs + "</pairs> or more";
    }
}
