package dev.perfgate.load;

import java.time.Duration;

/**
 * The open model's arrival schedule: when request number i is due, as an offset from the start of the trial.
 *
 * <p>With no ramp-up request i is due at {@code i / rate}. With a ramp-up of R seconds the rate rises linearly
 * from 0 to {@code rate}: the number of requests due by time t is the integral {@code rate * t^2 / (2R)}, so
 * request i is due at {@code sqrt(2 i R / rate)} until {@code rate * R / 2} requests have been due, and at
 * {@code R + (i - rate R / 2) / rate} after that.
 *
 * <p>Every due time is computed from i alone, never by adding up intervals, so the schedule cannot drift however
 * long the trial is.
 */
public final class OpenSchedule {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double rate;
    private final double rampSeconds;
    private final long rampNanos;
    /** Requests due during the ramp: rate * R / 2 (not an integer in general). */
    private final double rampRequests;

    /**
     * @param rate   requests per second once ramped up; must be positive and finite
     * @param rampUp time over which the rate rises from 0 to {@code rate}; zero for none
     */
    public OpenSchedule(double rate, Duration rampUp) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("the open model needs a positive rate, not " + rate);
        }
        if (rampUp.isNegative()) {
            throw new IllegalArgumentException("rampUp must not be negative: " + rampUp);
        }
        this.rate = rate;
        this.rampNanos = rampUp.toNanos();
        this.rampSeconds = rampNanos / NANOS_PER_SECOND;
        this.rampRequests = rate * rampSeconds / 2;
    }

    public double rate() {
        return rate;
    }

    /** Nanoseconds from the start of the trial at which request {@code i} (0-based) is due. */
    public long dueNanos(long i) {
        if (i < 0) {
            throw new IllegalArgumentException("request number must not be negative: " + i);
        }
        if (i < rampRequests) {
            return (long) (Math.sqrt(2.0 * i * rampSeconds / rate) * NANOS_PER_SECOND);
        }
        return rampNanos + (long) ((i - rampRequests) / rate * NANOS_PER_SECOND);
    }

    /** Number of requests whose due time is strictly before {@code durationNanos}. */
    public long countBefore(long durationNanos) {
        if (durationNanos <= 0) {
            return 0;
        }
        double seconds = durationNanos / NANOS_PER_SECOND;
        double estimate;
        if (durationNanos <= rampNanos) {
            estimate = rate * seconds * seconds / (2 * rampSeconds);
        } else {
            estimate = rampRequests + (seconds - rampSeconds) * rate;
        }
        // The estimate is within a request or two of the answer; settle it with dueNanos itself so that
        // "scheduled" and the engine's loop agree exactly.
        long n = Math.max(0, (long) Math.ceil(estimate));
        while (n > 0 && dueNanos(n - 1) >= durationNanos) {
            n--;
        }
        while (dueNanos(n) < durationNanos) {
            n++;
        }
        return n;
    }

    public long countBefore(Duration duration) {
        return countBefore(duration.toNanos());
    }
}
