package dev.perfgate.load;

/**
 * The load shape as written in the pom (durations as text, e.g. "10s"), before validation.
 */
public record ProfileDraft(String model, double rate, String rampUp, String duration, String warmup, int trials,
        int connections, String requestTimeout, String maxSendLag) {
}
