package dev.perfgate.load;

import java.util.concurrent.locks.LockSupport;

/**
 * Wakes the event loops when open-model requests fall due.
 *
 * <p>Why a thread and not the event loop's own scheduler: NIO selects in whole milliseconds, and Netty's NIO
 * loop busy-polls ({@code selectNow}) whenever its next scheduled task is less than half a millisecond away.
 * At a few thousand requests per second the next request is always that close, so a loop timed by its own
 * scheduler spins a whole core. This thread instead sleeps with {@link LockSupport#parkNanos} (high-resolution
 * timer, tens of microseconds of slack) until the next due time, then hands each loop a tick that sends every
 * request due by then. The loops block in select between events.
 *
 * <p>The due times come from {@link OpenSchedule} (computed from i, no drift); the pacer only decides when to
 * look. A late wake-up only delays sends, and that delay is measured: it is the send lag.
 */
final class Pacer implements Runnable {
    private final Trial trial;
    private final long minGapNanos;
    private volatile boolean stopped;
    private Thread thread;

    /**
     * @param minGapNanos least time between two wake-ups: at rates above 1/minGap several requests are sent per
     *                    wake-up (fewer thread switches and system calls), each up to minGap late; 0 wakes for
     *                    every due time
     */
    Pacer(Trial trial, long minGapNanos) {
        this.trial = trial;
        this.minGapNanos = minGapNanos;
    }

    void start() {
        thread = new Thread(this, "perfgate-pacer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        stopped = true;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        LoopWorker[] workers = trial.workers;
        int loops = workers.length;
        long limit = trial.scheduled;
        long i = 0;
        long lastTarget = Long.MIN_VALUE / 2;
        while (i < limit && !stopped) {
            // Wake at the next due time, but not sooner than minGap after the previous *intended* wake-up: anchored
            // to intended times, a late wake-up does not push the following ones later, so at rates up to 1/minGap
            // every request is still woken for at its own due time.
            long target = Math.max(trial.intendedNanos(i), lastTarget + minGapNanos);
            long wait = target - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue; // re-check: parkNanos may return early
            }
            lastTarget = target;
            long now = System.nanoTime();
            long first = i;
            while (i < limit && trial.intendedNanos(i) <= now) {
                i++;
            }
            if (i - first >= loops) {
                for (LoopWorker w : workers) {
                    w.wake();
                }
            } else {
                for (long k = first; k < i; k++) {
                    workers[(int) (k % loops)].wake();
                }
            }
        }
    }
}
