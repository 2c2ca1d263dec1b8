package dev.perfgate.load;

import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.Latencies;
import dev.perfgate.result.LoadModel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** One run of {@link NettyLoadEngine#run}: the plan turned into what the event loops need, and the result. */
final class Trial {
    final TrialPlan plan;
    final LoadProfile profile;
    final List<RequestSpec> specs;
    final RequestMix mix;
    final EncodedRequest[] requests;
    final ResponseCheck[] checks;
    final boolean[] needsBody;
    final Feeder feeder;
    final boolean open;
    final OpenSchedule schedule;
    final long durationNanos;
    final long timeoutNanos;
    final long sweepNanos;
    final int connectTimeoutMillis;
    /** Open model: the number of requests due before the end of the schedule. */
    final long scheduled;
    final InetSocketAddress address;
    final String url;
    final LoopWorker[] workers;
    final CountDownLatch connectPhase;
    final CountDownLatch done;

    // Set by the trial thread before the loops begin (published by EventLoop.execute)
    long t0Nanos;
    long t0Millis;
    long scheduleEndNanos;
    long drainEndNanos;

    final long pacerGapNanos;

    Trial(TrialPlan plan, EventLoopGroup group, int eventLoops, long pacerGapNanos) {
        this.pacerGapNanos = pacerGapNanos;
        this.plan = plan;
        LoadDefinition load = plan.load();
        this.profile = load.profile();
        this.specs = load.requests();
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("the load definition has no requests");
        }
        if (profile.connections() < 1) {
            throw new IllegalArgumentException("connections must be at least 1, not " + profile.connections());
        }
        if (plan.duration().isNegative() || plan.duration().isZero()) {
            throw new IllegalArgumentException("the trial duration must be positive, not " + plan.duration());
        }
        if (profile.requestTimeout().isNegative() || profile.requestTimeout().isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, not " + profile.requestTimeout());
        }
        this.feeder = load.feeder();
        this.open = profile.model() == LoadModel.OPEN;
        this.durationNanos = plan.duration().toNanos();
        this.timeoutNanos = profile.requestTimeout().toNanos();
        // Timeouts are found by a sweep a few times per timeout, not a timer per request.
        this.sweepNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                Math.min(timeoutNanos / 10, TimeUnit.MILLISECONDS.toNanos(100)));
        this.connectTimeoutMillis = (int) Math.max(100, Math.min(profile.requestTimeout().toMillis(), 10_000));
        this.schedule = open ? new OpenSchedule(profile.rate(), profile.rampUp()) : null;
        this.scheduled = open ? schedule.countBefore(durationNanos) : 0;
        this.mix = RequestMix.of(specs);

        URI base = plan.baseUrl();
        this.url = base.toString();
        if (!"http".equalsIgnoreCase(base.getScheme())) {
            throw new IllegalArgumentException("the embedded engine speaks plain http only, not " + base.getScheme()
                    + " (" + url + ")");
        }
        String host = base.getHost();
        if (host == null) {
            throw new IllegalArgumentException("the base URL has no host: " + url);
        }
        int port = base.getPort() == -1 ? 80 : base.getPort();
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        this.address = new InetSocketAddress(bareHost, port);
        String hostHeader = base.getPort() == -1 ? host : host + ":" + port;
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        while (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        List<String> columns = feeder == null ? null : feeder.columns();
        this.requests = new EncodedRequest[specs.size()];
        this.checks = new ResponseCheck[specs.size()];
        this.needsBody = new boolean[specs.size()];
        try {
            for (int s = 0; s < specs.size(); s++) {
                RequestSpec spec = specs.get(s);
                requests[s] = new EncodedRequest(spec, basePath, hostHeader, columns);
                checks[s] = new ResponseCheck(spec, columns);
                needsBody[s] = spec.needsBody();
            }
        } catch (RuntimeException e) {
            release();
            throw e;
        }

        int loops = Math.min(eventLoops, profile.connections());
        this.workers = new LoopWorker[loops];
        java.util.Iterator<io.netty.util.concurrent.EventExecutor> executors = group.iterator();
        for (int w = 0; w < loops; w++) {
            int count = profile.connections() / loops + (w < profile.connections() % loops ? 1 : 0);
            workers[w] = new LoopWorker(this, (EventLoop) executors.next(), w, loops, count);
        }
        this.connectPhase = new CountDownLatch(profile.connections());
        this.done = new CountDownLatch(loops);
    }

    long intendedNanos(long i) {
        return t0Nanos + schedule.dueNanos(i);
    }

    Map<String, String> row(long i) {
        return feeder == null ? Map.of() : feeder.row(mix.specSequence(i));
    }

    String label() {
        return plan.warmup() ? "warm-up" : "trial " + plan.trial();
    }

    /** Set when the trial overran and its event loops were told to abort. */
    private boolean aborted;

    TrialRecording execute() throws LoadException {
        TrialReporter reporter = null;
        Pacer pacer = null;
        try {
            // Inside the try: if the interval log cannot be created, the encoded requests are still released.
            reporter = new TrialReporter(this);
            pacer = open ? new Pacer(this, pacerGapNanos) : null;
            for (LoopWorker w : workers) {
                w.loop.execute(w::connectAll);
            }
            // Start the clock once every connection has been tried (loopback: milliseconds). Connections that
            // failed keep retrying during the trial.
            connectPhase.await(connectTimeoutMillis + 2_000L, TimeUnit.MILLISECONDS);
            t0Millis = System.currentTimeMillis();
            t0Nanos = System.nanoTime();
            scheduleEndNanos = t0Nanos + durationNanos;
            drainEndNanos = scheduleEndNanos + timeoutNanos;
            reporter.start();
            for (LoopWorker w : workers) {
                w.loop.execute(w::begin);
            }
            if (pacer != null) {
                pacer.start();
            }
            long waitNanos = durationNanos + timeoutNanos + TimeUnit.SECONDS.toNanos(30);
            if (!done.await(waitNanos, TimeUnit.NANOSECONDS)) {
                aborted = true;
                for (LoopWorker w : workers) {
                    w.loop.execute(w::abort);
                }
                if (!done.await(10, TimeUnit.SECONDS)) {
                    throw new LoadException("the load engine's event loop did not finish " + label() + " against "
                            + url + " in time");
                }
            }
            long endMillis = System.currentTimeMillis();
            if (pacer != null) {
                pacer.stop();
            }
            reporter.finish(endMillis);
            return recording(reporter, endMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (LoopWorker w : workers) {
                w.loop.execute(w::abort);
            }
            throw new LoadException("interrupted during " + label() + " against " + url, e);
        } finally {
            if (pacer != null) {
                pacer.stop();
            }
            if (reporter != null) {
                reporter.close();
            }
            release();
        }
    }

    private TrialRecording recording(TrialReporter reporter, long endMillis) throws LoadException {
        long sent = 0;
        long issued = 0;
        long sentAtEnd = 0;
        long queuedAtEnd = 0;
        long behindAtEnd = 0;
        long connectErrors = 0;
        long connectFailures = 0;
        boolean everConnected = false;
        Throwable lastConnectError = null;
        for (LoopWorker w : workers) {
            sent += w.sent;
            issued += w.issued;
            sentAtEnd += w.sentAtScheduleEnd;
            queuedAtEnd += w.queuedAtScheduleEnd;
            behindAtEnd += w.behindAtScheduleEnd;
            connectErrors += w.connectErrors;
            connectFailures += w.connectFailures;
            everConnected |= w.everConnected;
            if (w.lastConnectError != null) {
                lastConnectError = w.lastConnectError;
            }
        }
        if (sent == 0 && !everConnected) {
            String cause = lastConnectError == null ? "no connection could be opened"
                    : lastConnectError.getClass().getSimpleName() + ": " + lastConnectError.getMessage();
            throw new LoadException("could not send a single request to " + url + " during " + label() + ": all "
                    + connectFailures + " connection attempts failed (last: " + cause + ")", lastConnectError);
        }

        Map<String, RequestRecording> byRequest = new LinkedHashMap<>();
        for (int s = 0; s < specs.size(); s++) {
            RequestRecording r = new RequestRecording(reporter.corrected(s), reporter.uncorrected(s));
            for (ErrorKind kind : ErrorKind.values()) {
                long n = 0;
                for (LoopWorker w : workers) {
                    n += w.errorCount(s, kind);
                }
                r.addError(kind, n);
            }
            byRequest.merge(specs.get(s).name(), r, (a, b) -> {
                a.add(b);
                return a;
            });
        }

        long scheduledTotal = open ? scheduled : issued;
        Histogram sendLag = reporter.sendLag();
        List<String> flags = new ArrayList<>();
        if (aborted) {
            flags.add("the trial did not end within its duration, request timeout and 30 s of grace, and was "
                    + "aborted; its figures are incomplete");
        }
        List<String> warnings = new ArrayList<>();
        if (open && sentAtEnd < 0.99 * scheduled) {
            // Behind schedule is the generator's fault and invalidates the run. Requests queued because every
            // connection was busy are the service's slowness: their latency counts from the intended time, so the
            // figures stay right, and the latency gates are what should fail.
            String shortfall = shortfall(sentAtEnd, queuedAtEnd, behindAtEnd, connectErrors);
            if (behindAtEnd >= 0.01 * scheduled) {
                flags.add(shortfall);
            } else {
                warnings.add(shortfall);
            }
        }
        // The generator is the bottleneck when it is late for a sizeable share of its sends, not when the machine
        // stalls it now and then: on a shared 2-core VM (hypervisor steal) a quiet run's p99 reached 15 ms at
        // 200 req/s while its p90 stayed below 1 ms, and such stalls delay the service just as much. So p90 decides
        // (10 % of the sends later than the limit); p99 is reported beside it (docs/perf/engine.md).
        long maxLagMicros = profile.maxSendLag().toNanos() / 1000;
        if (sendLag.getTotalCount() > 0 && sendLag.getValueAtPercentile(90) > maxLagMicros) {
            flags.add(String.format(Locale.ROOT,
                    "the load generator was the bottleneck: more than 10 %% of its sends were over %.2f ms late "
                            + "(send lag p90 %.2f ms, p99 %.2f ms)",
                    Latencies.millis(maxLagMicros), Latencies.millis(sendLag.getValueAtPercentile(90)),
                    Latencies.millis(sendLag.getValueAtPercentile(99))));
        }
        return new TrialRecording(plan.trial(), profile.model(), t0Millis, endMillis,
                durationNanos / 1e9, scheduledTotal, sent, sendLag, byRequest, flags, warnings, plan.intervalLog());
    }

    private String shortfall(long sentAtEnd, long queuedAtEnd, long behindAtEnd, long connectErrors) {
        int connections = profile.connections();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "only %d of %d scheduled requests (%.1f %%) were sent by the end of the schedule",
                sentAtEnd, scheduled, 100.0 * sentAtEnd / scheduled));
        List<String> why = new ArrayList<>();
        if (queuedAtEnd > 0) {
            why.add(String.format(Locale.ROOT, "%d were waiting because all %d connections were busy or down "
                    + "(the service is too slow for %s req/s with %d connections: raise connections or lower "
                    + "the rate)", queuedAtEnd, connections, rate(), connections));
        }
        if (behindAtEnd > 0) {
            why.add(behindAtEnd + " were not yet taken from the schedule: the load generator fell behind");
        }
        if (connectErrors > 0) {
            why.add(connectErrors + " failed to connect");
        }
        if (!why.isEmpty()) {
            sb.append(": ").append(String.join("; ", why));
        }
        return sb.toString();
    }

    private String rate() {
        double r = profile.rate();
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    private void release() {
        if (requests != null) {
            for (EncodedRequest r : requests) {
                if (r != null) {
                    r.release();
                }
            }
        }
    }
}
