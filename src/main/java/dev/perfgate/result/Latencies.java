package dev.perfgate.result;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.HdrHistogram.ValueRecorder;

/**
 * Histogram conventions shared by everything that records or reads latencies.
 *
 * <p>Values are microseconds: loopback answers take tens of microseconds, so milliseconds would lose them, and
 * 3 significant digits keep every value within 0.1 % of what was measured.
 */
public final class Latencies {
    /** One hour: anything longer is clamped rather than thrown away, so that a stall still counts. */
    public static final long HIGHEST_TRACKABLE_MICROS = 3_600_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;

    private Latencies() {
    }

    public static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }

    /**
     * A recorder with the same range and precision as {@link #newHistogram()}, for one writer thread (an event
     * loop) while another thread takes interval histograms from it without locking the writer.
     */
    public static SingleWriterRecorder newRecorder() {
        return new SingleWriterRecorder(1, HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }

    /** Records a latency given in nanoseconds into a recorder, clamped into the trackable range. */
    public static void recordNanos(ValueRecorder recorder, long nanos) {
        recorder.recordValue(clampMicros(nanos / 1_000L));
    }

    /** Records a latency given in nanoseconds, clamped into the trackable range. */
    public static void recordNanos(Histogram histogram, long nanos) {
        histogram.recordValue(clampMicros(nanos / 1_000L));
    }

    public static long clampMicros(long micros) {
        if (micros < 1) {
            return 1;
        }
        return Math.min(micros, HIGHEST_TRACKABLE_MICROS);
    }

    public static double millis(long micros) {
        return micros / 1000.0;
    }
}
