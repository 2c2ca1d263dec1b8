package dev.perfgate.scenario;

import dev.perfgate.load.OpenSchedule;
import dev.perfgate.measure.ErrorKind;
import dev.perfgate.result.Latencies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One trial of a Java scenario, run inside the forked JVM: worker threads call the scenario, timed like the HTTP
 * engine's requests.
 *
 * <p><b>Open model</b>: operation i is due at {@code t0 + }{@link OpenSchedule#dueNanos}(i), released by a pacer
 * thread that sleeps until due times (at most one wake-up per millisecond, as the HTTP engine's pacer). Due
 * operations wait in FIFO order for a free worker, keeping their intended time: corrected latency runs from the
 * intended time, uncorrected from the actual start of the call. Since operations are released and taken in order,
 * the queue is just the range of numbers [taken, released). The delay between intended time and start of operations
 * that found a worker idle is the runner's own send lag.
 *
 * <p><b>Closed model</b>: each worker calls again as soon as its previous call returns, until the schedule ends.
 *
 * <p>After the schedule, queued and running operations get the timeout to finish; what is left then is recorded,
 * never dropped: waiting ones as UNFINISHED (latency end - intended), running ones as TIMEOUT when they have run for
 * the timeout, else UNFINISHED. A call that returns after the timeout is a TIMEOUT; a call that throws is an
 * EXCEPTION. Java cannot stop a thread that hangs: such a worker is interrupted at the end and left behind.
 */
final class ScenarioTrial {
    /** As the HTTP engine's default pacer gap (NettyLoadEngine.DEFAULT_PACER_GAP), not referenced: no Netty here. */
    static final long PACER_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int KINDS = ErrorKind.values().length;

    private final TrialShape shape;
    private final ScenarioClass.Operation[] operations;
    private final OpenSchedule schedule;
    private final long durationNanos;
    private final long timeoutNanos;
    private final long scheduled;
    private final Recorder corrected = recorder();
    private final Recorder uncorrected = recorder();
    private final Recorder sendLag = recorder();
    private final AtomicLongArray errors = new AtomicLongArray(KINDS);
    private final Failures failures = new Failures();
    private final Thread[] workers;
    private final CountDownLatch workersDone;
    private final CountDownLatch go = new CountDownLatch(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition due = lock.newCondition();
    // guarded by lock
    private long released;
    private long taken;
    private boolean pacerDone;
    private boolean closed;
    private final InFlight[] inFlight;

    private volatile long t0Nanos;
    private long t0Millis;
    private long scheduleEndNanos;
    private volatile boolean stopping;

    private record InFlight(long intended, long start) {
    }

    /** @param operations one instance per worker thread; its length is the concurrency */
    ScenarioTrial(TrialShape shape, ScenarioClass.Operation[] operations) {
        this.shape = shape;
        this.operations = operations;
        this.durationNanos = TimeUnit.MILLISECONDS.toNanos(shape.durationMillis());
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(shape.timeoutMillis());
        this.schedule = shape.open() ? new OpenSchedule(shape.rate(), Duration.ofMillis(shape.rampUpMillis())) : null;
        this.scheduled = shape.open() ? schedule.countBefore(durationNanos) : 0;
        this.inFlight = new InFlight[operations.length];
        this.workers = new Thread[operations.length];
        this.workersDone = new CountDownLatch(operations.length);
    }

    private static Recorder recorder() {
        return new Recorder(1, Latencies.HIGHEST_TRACKABLE_MICROS, Latencies.SIGNIFICANT_DIGITS);
    }

    /** The worker threads of this trial, for the next trial to tell which instances are still in use. */
    Thread[] workers() {
        return workers;
    }

    ScenarioResult run() throws InterruptedException {
        IntervalLog log = IntervalLog.open(shape);
        Thread pacer = null;
        try {
            for (int w = 0; w < workers.length; w++) {
                int slot = w;
                workers[w] = new Thread(() -> work(slot), "perfgate-scenario-" + (w + 1));
                workers[w].setDaemon(true);
                workers[w].start();
            }
            t0Millis = System.currentTimeMillis();
            t0Nanos = System.nanoTime();
            scheduleEndNanos = t0Nanos + durationNanos;
            long drainEndNanos = scheduleEndNanos + timeoutNanos;
            log.start(t0Millis, t0Nanos, corrected, uncorrected, sendLag);
            go.countDown();
            if (shape.open()) {
                pacer = new Thread(this::pace, "perfgate-scenario-pacer");
                pacer.setDaemon(true);
                pacer.start();
            }
            sleepUntil(scheduleEndNanos);
            long sentAtEnd;
            long queuedAtEnd;
            long behindAtEnd;
            lock.lock();
            try {
                sentAtEnd = taken;
                queuedAtEnd = released - taken;
                behindAtEnd = shape.open() ? scheduled - released : 0;
            } finally {
                lock.unlock();
            }
            awaitWorkers(drainEndNanos);
            long endNanos = System.nanoTime();
            long endMillis = t0Millis + (endNanos - t0Nanos) / 1_000_000;
            long issued = close(endNanos);
            if (pacer != null) {
                pacer.join(5_000);
            }
            for (Thread worker : workers) {
                if (worker.isAlive()) {
                    worker.interrupt(); // a call still running after the drain: ask it to stop; it is recorded
                }
            }
            Histogram[] totals = log.finish(endMillis);
            return result(totals, endMillis, shape.open() ? scheduled : issued, issued,
                    new long[] {sentAtEnd, queuedAtEnd, behindAtEnd});
        } finally {
            stopping = true;
            go.countDown();
            if (pacer != null) {
                LockSupport.unpark(pacer);
            }
            log.close();
        }
    }

    /**
     * The runner's own waits (this one, {@link #sleepUntil}, {@link #pace}, {@link #takeOpen}) are named in
     * ProfileAnalyzer's idle park sites: in the fork's profile they are idle time, not lock contention.
     */
    private void awaitWorkers(long deadline) throws InterruptedException {
        workersDone.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    // ---- the pacer (open model) ----------------------------------------------------------------------------

    private void pace() {
        long i = 0;
        long lastTarget = Long.MIN_VALUE / 2;
        while (i < scheduled && !stopping) {
            // As the HTTP engine's Pacer: anchored to intended wake-ups, so one late wake-up delays no later one.
            long target = Math.max(t0Nanos + schedule.dueNanos(i), lastTarget + PACER_GAP_NANOS);
            long wait = target - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            lastTarget = target;
            long now = System.nanoTime();
            long first = i;
            while (i < scheduled && t0Nanos + schedule.dueNanos(i) <= now) {
                i++;
            }
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                released = i;
                if (i - first >= workers.length) {
                    due.signalAll();
                } else {
                    for (long k = first; k < i; k++) {
                        due.signal();
                    }
                }
            } finally {
                lock.unlock();
            }
        }
        lock.lock();
        try {
            pacerDone = true;
            due.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- workers ---------------------------------------------------------------------------------------

    private void work(int w) {
        try {
            go.await();
            long idleSince = t0Nanos;
            while (!stopping) {
                InFlight op = shape.open() ? takeOpen(w, idleSince) : takeClosed(w);
                if (op == null) {
                    return;
                }
                execute(w, op);
                idleSince = System.nanoTime();
            }
        } catch (InterruptedException e) {
            // told to stop: the trial has ended
        } finally {
            workersDone.countDown();
        }
    }

    private InFlight takeOpen(int w, long idleSince) throws InterruptedException {
        lock.lock();
        try {
            while (taken >= released && !closed && !pacerDone) {
                due.await();
            }
            if (closed || taken >= released) {
                return null;
            }
            long intended = t0Nanos + schedule.dueNanos(taken++);
            long start = System.nanoTime();
            if (idleSince <= intended) {
                // the worker was waiting when the operation fell due: any delay is the runner's own
                Latencies.recordNanos(sendLag, start - intended);
            }
            return inFlight[w] = new InFlight(intended, start);
        } finally {
            lock.unlock();
        }
    }

    private InFlight takeClosed(int w) {
        lock.lock();
        try {
            long now = System.nanoTime();
            if (closed || now >= scheduleEndNanos) {
                return null;
            }
            taken++;
            return inFlight[w] = new InFlight(now, now);
        } finally {
            lock.unlock();
        }
    }

    private void execute(int w, InFlight op) {
        Throwable thrown = null;
        try {
            operations[w].call();
        } catch (Throwable t) {
            thrown = t;
        }
        long end = System.nanoTime();
        lock.lock();
        try {
            if (inFlight[w] != op) {
                return; // the trial ended while it ran and has recorded it
            }
            inFlight[w] = null;
        } finally {
            lock.unlock();
        }
        ErrorKind error = null;
        if (end - op.start() >= timeoutNanos) {
            error = ErrorKind.TIMEOUT;
        } else if (thrown != null) {
            error = ErrorKind.EXCEPTION;
            failures.add(thrown);
        }
        record(op.intended(), op.start(), end, error);
    }

    /** Ends the trial: whatever waits or runs now is recorded. Returns the number of operations started. */
    private long close(long end) {
        List<InFlight> running = new ArrayList<>();
        long waitingFrom;
        long issued;
        lock.lock();
        try {
            closed = true;
            waitingFrom = taken;
            issued = taken;
            for (int w = 0; w < inFlight.length; w++) {
                if (inFlight[w] != null) {
                    running.add(inFlight[w]);
                    inFlight[w] = null;
                }
            }
            due.signalAll();
        } finally {
            lock.unlock();
        }
        if (shape.open()) {
            for (long i = waitingFrom; i < scheduled; i++) {
                record(t0Nanos + schedule.dueNanos(i), -1, end, ErrorKind.UNFINISHED);
            }
        }
        for (InFlight op : running) {
            record(op.intended(), op.start(), end,
                    end - op.start() >= timeoutNanos ? ErrorKind.TIMEOUT : ErrorKind.UNFINISHED);
        }
        return issued;
    }

    private void record(long intended, long start, long end, ErrorKind error) {
        Latencies.recordNanos(corrected, end - intended);
        if (start >= 0) {
            Latencies.recordNanos(uncorrected, end - start);
        }
        if (error != null) {
            errors.incrementAndGet(error.ordinal());
        }
    }

    // ---- the result ----------------------------------------------------------------------------------------

    private ScenarioResult result(Histogram[] totals, long endMillis, long scheduledTotal, long started,
            long[] atEnd) {
        Map<String, Long> errorCounts = new LinkedHashMap<>();
        for (ErrorKind kind : ErrorKind.values()) {
            long n = errors.get(kind.ordinal());
            if (n > 0) {
                errorCounts.put(kind.name(), n);
            }
        }
        List<String> flags = new ArrayList<>();
        List<String> warnings = new ArrayList<>(failures.warnings(shape.name()));
        long sentAtEnd = atEnd[0];
        long queuedAtEnd = atEnd[1];
        long behindAtEnd = atEnd[2];
        if (shape.open() && sentAtEnd < 0.99 * scheduled) {
            // As the HTTP engine: falling behind the schedule is the runner's fault and invalidates the trial;
            // operations waiting for a busy worker are the component's slowness, which the latencies show.
            String shortfall = shortfall(sentAtEnd, queuedAtEnd, behindAtEnd);
            if (behindAtEnd >= 0.01 * scheduled) {
                flags.add(shortfall);
            } else {
                warnings.add(shortfall);
            }
        }
        Histogram lag = totals[2];
        if (lag.getTotalCount() > 0 && lag.getValueAtPercentile(90) > shape.maxSendLagMicros()) {
            flags.add(String.format(Locale.ROOT, "the scenario runner was the bottleneck: more than 10 %% of its "
                            + "operations started over %.2f ms late on an idle worker (send lag p90 %.2f ms, p99 %.2f ms)",
                    Latencies.millis(shape.maxSendLagMicros()), Latencies.millis(lag.getValueAtPercentile(90)),
                    Latencies.millis(lag.getValueAtPercentile(99))));
        }
        return new ScenarioResult(shape.trial(), shape.open(), t0Millis, endMillis, durationNanos / 1e9,
                scheduledTotal, started, totals[0], totals[1], lag, errorCounts, flags, warnings);
    }

    private String shortfall(long sentAtEnd, long queuedAtEnd, long behindAtEnd) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "only %d of %d scheduled operations (%.1f %%) had started by the end of the schedule", sentAtEnd,
                scheduled, 100.0 * sentAtEnd / scheduled));
        List<String> why = new ArrayList<>();
        if (queuedAtEnd > 0) {
            why.add(String.format(Locale.ROOT, "%d were waiting because all %d worker threads were busy (the scenario "
                    + "is too slow for %s operations/s with %d threads: raise connections or lower the rate)",
                    queuedAtEnd, workers.length, rate(), workers.length));
        }
        if (behindAtEnd > 0) {
            why.add(behindAtEnd + " were not yet released by the schedule: the scenario runner fell behind");
        }
        if (!why.isEmpty()) {
            sb.append(": ").append(String.join("; ", why));
        }
        return sb.toString();
    }

    private String rate() {
        double r = shape.rate();
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }
}
