package dev.perfgate.goal;

/**
 * How the load is shaped and repeated, as the pom writes it (durations as text, e.g. "10s"). The defaults are the
 * Mojo parameters' defaults.
 *
 * @param model           open or closed
 * @param rate            requests per second of the open model
 * @param rampUp          linear ramp at the start of each trial
 * @param duration        length of one measured trial
 * @param warmup          unmeasured load after each start of the service
 * @param trials          measured trials
 * @param maxTrials       the cap on trials for inconclusive=extend (and what perfgate:baseline measures), or null
 * @param restartPerTrial a fresh service, with its own warm-up, for every trial
 * @param connections     keep-alive connections (the closed model's concurrency)
 * @param requestTimeout  a request without an answer after this long is a timeout error
 * @param maxSendLag      the engine's own send lag beyond which a trial is flagged
 */
public record ShapeConfig(String model, double rate, String rampUp, String duration, String warmup, int trials,
        Integer maxTrials, boolean restartPerTrial, int connections, String requestTimeout, String maxSendLag) {

    public static final String MODEL = "open";
    public static final String RATE = "100";
    public static final String RAMP_UP = "0s";
    public static final String DURATION = "10s";
    public static final String WARMUP = "5s";
    public static final String TRIALS = "5";
    public static final String CONNECTIONS = "16";
    public static final String REQUEST_TIMEOUT = "10s";
    public static final String MAX_SEND_LAG = "10ms";

    public static final ShapeConfig DEFAULT = new ShapeConfig(MODEL, Double.parseDouble(RATE), RAMP_UP, DURATION,
            WARMUP, Integer.parseInt(TRIALS), null, false, Integer.parseInt(CONNECTIONS), REQUEST_TIMEOUT,
            MAX_SEND_LAG);
}
