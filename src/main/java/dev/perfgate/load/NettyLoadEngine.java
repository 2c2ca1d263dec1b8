package dev.perfgate.load;

import dev.perfgate.measure.TrialRecording;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The embedded load engine: HTTP/1.1 keep-alive connections on Netty's NIO transport, one request outstanding
 * per connection, requests pre-encoded once per spec.
 *
 * <p><b>Open model</b> (the default): request i is due at {@code t0 + i/rate} (see {@link OpenSchedule}). A due
 * request goes to an idle connection, or waits in a FIFO queue keeping its intended time. Its corrected latency
 * is completion minus intended time, its uncorrected latency completion minus actual send. The delay between
 * intended time and send of requests that found an idle connection is the engine's own send lag.
 *
 * <p><b>Closed model</b>: each connection sends its next request when the previous answer arrives.
 *
 * <p>After the schedule ends, queued and in-flight requests are served for at most the request timeout; what is
 * left after that is recorded as {@code UNFINISHED} with latency (end of drain - intended). No request is ever
 * dropped: in the open model the corrected histograms hold exactly {@code scheduled} requests, and the
 * uncorrected ones exactly {@code sent}.
 *
 * <p>One engine runs one trial at a time; {@link #run} may be called again (warm-up, then trials). Each run
 * opens its connections and closes them at its end.
 */
public final class NettyLoadEngine implements LoadEngine {
    /** One event loop: on a small machine the generator should leave the other cores to the service. */
    public static final int DEFAULT_EVENT_LOOPS = 1;

    /**
     * Default least time between two wake-ups of the open-model pacer (see the constructor): one millisecond, the
     * granularity of wrk2's timer. Up to 1000 requests/s it changes nothing; above, the requests due within a
     * millisecond are sent together. Measured at 5000/s on a 2-core VM against nginx (docs/perf/engine.md): CPU
     * per request about 1.9x wrk's with a 1 ms gap, 2.3x with 0.5 ms, 3x with none; send-lag median 0.55, 0.3
     * and 0.1 ms.
     */
    public static final java.time.Duration DEFAULT_PACER_GAP = java.time.Duration.ofMillis(1);

    private final int eventLoops;
    private final long pacerGapNanos;
    private final EventLoopGroup group;
    private volatile boolean closed;

    /** An engine with {@link #DEFAULT_EVENT_LOOPS} event loop and the {@link #DEFAULT_PACER_GAP}. */
    public NettyLoadEngine() {
        this(DEFAULT_EVENT_LOOPS);
    }

    /**
     * @param eventLoops number of event-loop threads the connections are spread over (at least 1; a run uses at
     *                   most one per connection)
     */
    public NettyLoadEngine(int eventLoops) {
        this(eventLoops, DEFAULT_PACER_GAP);
    }

    /**
     * @param eventLoops number of event-loop threads the connections are spread over (at least 1; a run uses at
     *                   most one per connection)
     * @param pacerGap   least time between two wake-ups of the open-model pacer: zero wakes the event loop at
     *                   every request's due time (least send lag); a gap g sends the requests due within g
     *                   together once the rate exceeds 1/g (less CPU per request, send lag up to g)
     */
    public NettyLoadEngine(int eventLoops, java.time.Duration pacerGap) {
        if (eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops must be at least 1, not " + eventLoops);
        }
        if (pacerGap.isNegative()) {
            throw new IllegalArgumentException("pacerGap must not be negative: " + pacerGap);
        }
        this.eventLoops = eventLoops;
        this.pacerGapNanos = pacerGap.toNanos();
        this.group = new MultiThreadIoEventLoopGroup(eventLoops, new DefaultThreadFactory("perfgate-load", true),
                NioIoHandler.newFactory());
    }

    public int eventLoops() {
        return eventLoops;
    }

    /**
     * @throws LoadException            when not a single request could be sent (nothing accepted a connection
     *                                  during the whole trial), or the run was interrupted
     * @throws IllegalArgumentException when the plan cannot be run (https URL, unknown placeholder column,
     *                                  invalid regular expression, no requests, ...)
     */
    @Override
    public synchronized TrialRecording run(TrialPlan plan) throws LoadException {
        if (closed) {
            throw new IllegalStateException("the load engine is closed");
        }
        return new Trial(plan, group, eventLoops, pacerGapNanos).execute();
    }

    /** Shuts the event loops down (quickly: a run is over by the time close is called). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
