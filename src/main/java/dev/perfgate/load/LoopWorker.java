package dev.perfgate.load;

import dev.perfgate.measure.ErrorKind;
import dev.perfgate.result.Latencies;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Pattern;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The part of a trial that one event loop runs: its connections, its share of the schedule (request numbers
 * i with {@code i % stride == index}), its queue of due requests waiting for a connection, and its recorders.
 *
 * <p>Everything except the recorders' interval reads and the error counters runs on the event loop thread, so
 * the hot path takes no lock. Fields read by the trial's thread after the end are published by the trial's
 * completion latch.
 */
final class LoopWorker {
    private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int KINDS = ErrorKind.values().length;

    final Trial trial;
    final EventLoop loop;
    final int index;
    final int stride;
    final Connection[] connections;
    final SingleWriterRecorder[] corrected;
    final SingleWriterRecorder[] uncorrected;
    final SingleWriterRecorder sendLag = Latencies.newRecorder();
    /** Error counts by spec * KINDS + kind; atomic only so that the progress reporter can read them. */
    final AtomicLongArray errors;
    /** Compiled body-check patterns with substituted values: one cache per loop, no locking. */
    final Map<String, Pattern> patterns = ResponseCheck.newCache();

    private final Bootstrap bootstrap;
    private final HttpDecoderConfig decoderConfig;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final LongQueue queue = new LongQueue();
    private final Runnable tickTask = this::tick;
    /** A tick is queued on the loop and has not started yet: the pacer need not queue another. */
    private final java.util.concurrent.atomic.AtomicBoolean tickPending = new java.util.concurrent.atomic.AtomicBoolean();
    private ScheduledFuture<?> sweep;

    private boolean started;
    private boolean scheduleEnded;
    boolean finished;
    /** Next request number this loop will take from the schedule (open) or send (closed). */
    private long next;

    // Facts for the recording, read by the trial thread after completion
    long sent;
    long issued;
    long sentAtScheduleEnd;
    long queuedAtScheduleEnd;
    long behindAtScheduleEnd;
    long connectErrors;
    long connectFailures;
    boolean everConnected;
    Throwable lastConnectError;

    LoopWorker(Trial trial, EventLoop loop, int index, int stride, int connectionCount) {
        this.trial = trial;
        this.loop = loop;
        this.index = index;
        this.stride = stride;
        int specs = trial.specs.size();
        this.corrected = new SingleWriterRecorder[specs];
        this.uncorrected = new SingleWriterRecorder[specs];
        for (int s = 0; s < specs; s++) {
            corrected[s] = Latencies.newRecorder();
            uncorrected[s] = Latencies.newRecorder();
        }
        this.errors = new AtomicLongArray(specs * KINDS);
        this.connections = new Connection[connectionCount];
        for (int c = 0; c < connectionCount; c++) {
            connections[c] = new Connection(this);
        }
        this.decoderConfig = new HttpDecoderConfig().setValidateHeaders(false);
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, trial.connectTimeoutMillis);
    }

    long errorCount(int spec, ErrorKind kind) {
        return errors.get(spec * KINDS + kind.ordinal());
    }

    // ---- connections ---------------------------------------------------------------------------------

    /** Opens every connection of this loop (before t0). */
    void connectAll() {
        for (Connection c : connections) {
            connect(c);
        }
    }

    private void connect(Connection c) {
        if (finished || c.channel != null || c.connecting) {
            return;
        }
        c.connecting = true;
        long attemptStart = System.nanoTime();
        ChannelFuture future = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(c.new Decoder(decoderConfig), c.new Handler(ch));
            }
        }).connect(trial.address);
        future.addListener((ChannelFuture f) -> connected(c, f, attemptStart));
    }

    private void connected(Connection c, ChannelFuture f, long attemptStart) {
        c.connecting = false;
        if (!c.firstAttemptDone) {
            c.firstAttemptDone = true;
            trial.connectPhase.countDown();
        }
        if (f.isSuccess()) {
            if (finished) {
                f.channel().close();
                return;
            }
            c.channel = f.channel();
            c.backoffNanos = 0;
            everConnected = true;
            connectionFree(c);
            return;
        }
        connectFailures++;
        lastConnectError = f.cause();
        long now = System.nanoTime();
        if (started && !finished) {
            // A failed connection attempt fails the request that has waited longest for a connection; the
            // closed model fails the request this connection would have sent.
            if (trial.open) {
                if (!queue.isEmpty()) {
                    long i = queue.poll();
                    record(trial.mix.specIndex(i), trial.intendedNanos(i), -1, now, ErrorKind.CONNECT);
                    connectErrors++;
                }
            } else if (now < trial.scheduleEndNanos) {
                long i = next;
                next += stride;
                issued++;
                record(trial.mix.specIndex(i), attemptStart, -1, now, ErrorKind.CONNECT);
                connectErrors++;
            }
        }
        c.backoffNanos = c.backoffNanos == 0 ? MIN_BACKOFF_NANOS : Math.min(2 * c.backoffNanos, MAX_BACKOFF_NANOS);
        if (!finished && wantsConnections(now)) {
            loop.schedule(() -> connect(c), c.backoffNanos, TimeUnit.NANOSECONDS);
        }
        checkDone();
    }

    /** The slot's channel is gone (closed by us after an error, or by the peer). */
    void connectionLost(Connection c) {
        idle.remove(c);
        if (finished) {
            return;
        }
        if (wantsConnections(System.nanoTime())) {
            if (c.backoffNanos == 0) {
                connect(c);
            } else {
                loop.schedule(() -> connect(c), c.backoffNanos, TimeUnit.NANOSECONDS);
            }
        }
        checkDone();
    }

    private boolean wantsConnections(long now) {
        // Requests still to be taken count too: the pacer's last tick can come after the schedule's end, and a
        // connection that closed just before it must be reopened for them.
        return !started || now < trial.scheduleEndNanos
                || (trial.open && (!queue.isEmpty() || next < trial.scheduled));
    }

    // ---- schedule ------------------------------------------------------------------------------------------

    /** t0 has been set: start sending. */
    void begin() {
        started = true;
        next = index;
        long now = System.nanoTime();
        long sweepNanos = trial.sweepNanos;
        sweep = loop.scheduleAtFixedRate(this::sweepTimeouts, sweepNanos, sweepNanos, TimeUnit.NANOSECONDS);
        loop.schedule(this::scheduleEnd, trial.scheduleEndNanos - now, TimeUnit.NANOSECONDS);
        loop.schedule(this::drainEnd, trial.drainEndNanos - now, TimeUnit.NANOSECONDS);
        if (trial.open) {
            tick();
        } else {
            while (!idle.isEmpty()) {
                sendClosed(idle.pollFirst());
            }
        }
    }

    /** Called by the {@link Pacer} thread when a request of this loop may be due. */
    void wake() {
        if (tickPending.compareAndSet(false, true)) {
            loop.execute(tickTask);
        }
    }

    /** Open model: takes every request due by now. The {@link Pacer} calls again when the next one is due. */
    private void tick() {
        tickPending.set(false);
        if (finished || !started) {
            return;
        }
        long limit = trial.scheduled;
        long now = System.nanoTime();
        while (next < limit) {
            long intended = trial.intendedNanos(next);
            if (intended > now) {
                return;
            }
            Connection c = queue.isEmpty() ? idle.pollFirst() : null;
            if (c != null) {
                now = send(c, next, intended, true);
            } else {
                queue.add(next); // every connection busy (or down): wait, keeping the intended time
            }
            next += stride;
        }
        checkDone();
    }

    /** A connection has nothing outstanding: give it the next request, or park it. */
    void connectionFree(Connection c) {
        if (finished) {
            return;
        }
        if (!started) {
            idle.addLast(c);
            return;
        }
        if (trial.open) {
            if (!queue.isEmpty()) {
                long i = queue.poll();
                send(c, i, trial.intendedNanos(i), false);
            } else {
                idle.addLast(c);
            }
        } else {
            sendClosed(c);
        }
        checkDone();
    }

    private void sendClosed(Connection c) {
        if (finished || System.nanoTime() >= trial.scheduleEndNanos) {
            idle.addLast(c);
            return;
        }
        long i = next;
        next += stride;
        issued++;
        send(c, i, -1, false);
    }

    /**
     * Writes request {@code i} on {@code c}.
     *
     * @param intended the intended send time, or -1 for the closed model (intended = actual send)
     * @param wasIdle  the connection was idle when the request fell due: the delay is the engine's own
     * @return the send time
     */
    private long send(Connection c, long i, long intended, boolean wasIdle) {
        int s = trial.mix.specIndex(i);
        EncodedRequest request = trial.requests[s];
        boolean needsBody = trial.needsBody[s];
        Map<String, String> row = request.isConstant() && !needsBody ? null : trial.row(i);
        Channel ch = c.channel;
        ByteBuf bytes = request.encode(ch.alloc(), row);
        long now = System.nanoTime();
        if (intended < 0) {
            intended = now;
        } else if (wasIdle) {
            Latencies.recordNanos(sendLag, now - intended);
        }
        c.start(i, s, intended, now, row, request.isHead(), needsBody);
        sent++;
        ch.writeAndFlush(bytes, ch.voidPromise());
        return now;
    }

    private void sweepTimeouts() {
        if (finished) {
            return;
        }
        long now = System.nanoTime();
        for (Connection c : connections) {
            if (c.busy && now - c.sendTime >= trial.timeoutNanos) {
                c.fail(ErrorKind.TIMEOUT, now);
            }
        }
    }

    private void scheduleEnd() {
        if (finished) {
            return;
        }
        scheduleEnded = true;
        sentAtScheduleEnd = sent;
        queuedAtScheduleEnd = queue.size();
        if (trial.open) {
            behindAtScheduleEnd = share(trial.scheduled) - share(next);
        }
        checkDone();
    }

    /** The drain period is over: whatever is still waiting or in flight is UNFINISHED. Nothing is dropped. */
    private void drainEnd() {
        if (finished) {
            return;
        }
        long now = System.nanoTime();
        if (trial.open) {
            for (; next < trial.scheduled; next += stride) {
                record(trial.mix.specIndex(next), trial.intendedNanos(next), -1, now, ErrorKind.UNFINISHED);
            }
        }
        while (!queue.isEmpty()) {
            long i = queue.poll();
            record(trial.mix.specIndex(i), trial.intendedNanos(i), -1, now, ErrorKind.UNFINISHED);
        }
        for (Connection c : connections) {
            if (c.busy) {
                c.busy = false;
                record(c.spec, c.intended, c.sendTime, now, ErrorKind.UNFINISHED);
            }
        }
        finish();
    }

    private void checkDone() {
        if (finished || !scheduleEnded || !queue.isEmpty() || (trial.open && next < trial.scheduled)) {
            return;
        }
        for (Connection c : connections) {
            if (c.busy) {
                return;
            }
        }
        finish();
    }

    private void finish() {
        finished = true;
        if (sweep != null) {
            sweep.cancel(false);
        }
        idle.clear();
        for (Connection c : connections) {
            c.closeQuietly();
        }
        trial.done.countDown();
    }

    /** Ends this loop's part at once (the trial was interrupted or overran): the rest is UNFINISHED. */
    void abort() {
        if (!finished) {
            drainEnd();
        }
    }

    /** Number of request numbers below n that belong to this loop. */
    private long share(long n) {
        return n <= index ? 0 : (n - index + stride - 1) / stride;
    }

    // ---- recording ---------------------------------------------------------------------------------------

    /**
     * Records one request's outcome: corrected from its intended time, uncorrected from its send (only when it
     * was sent, sendTime >= 0), and the error kind if any.
     */
    void record(int spec, long intended, long sendTime, long end, ErrorKind error) {
        Latencies.recordNanos(corrected[spec], end - intended);
        if (sendTime >= 0) {
            Latencies.recordNanos(uncorrected[spec], end - sendTime);
        }
        if (error != null) {
            errors.incrementAndGet(spec * KINDS + error.ordinal());
        }
    }
}
