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

    private final int eventLoops;
    private final EventLoopGroup group;
    private volatile boolean closed;

    /** An engine with {@link #DEFAULT_EVENT_LOOPS} event loop. */
    public NettyLoadEngine() {
        this(DEFAULT_EVENT_LOOPS);
    }

    /**
     * @param eventLoops number of event-loop threads the connections are spread over (at least 1; a run uses at
     *                   most one per connection)
     */
    public NettyLoadEngine(int eventLoops) {
        if (eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops must be at least 1, not " + eventLoops);
        }
        this.eventLoops = eventLoops;
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
        return new Trial(plan, group, eventLoops).execute();
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
