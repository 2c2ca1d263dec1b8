package dev.perfgate.load;

import static dev.perfgate.testing.Loads.get;
import static dev.perfgate.testing.Loads.open;
import static dev.perfgate.testing.Loads.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.perfgate.result.LoadModel;
import dev.perfgate.testing.Loads;
import dev.perfgate.testing.TestServer;

import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import dev.perfgate.measure.TrialRecording;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The engine against real loopback servers. Generous bounds: these run on a busy 2-core machine. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("slow")
class NettyLoadEngineTest {
    private static NettyLoadEngine engine;

    @BeforeAll
    static void startEngine() {
        engine = new NettyLoadEngine();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @Test
    void openModelSendsExactlyTheSchedule(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("trial.hlog");
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        try (TestServer server = TestServer.ok()) {
            LoadProfile profile = open(200, Duration.ofSeconds(2), 4, Duration.ofSeconds(2));
            TrialPlan p = new TrialPlan(1, server.url(), new LoadDefinition(List.of(
                    get("GET /a", "/a", 3), get("GET /b", "/b?x=1", 1)), profile, null), profile.duration(), log,
                    progress::add);
            TrialRecording r = engine.run(p);

            assertThat(r.scheduled()).isEqualTo(400);
            assertThat(r.sent()).isEqualTo(400);
            assertThat(server.requests.get()).isEqualTo(400);
            RequestRecording all = r.overall();
            assertThat(all.requests()).isEqualTo(400);
            assertThat(all.uncorrected().getTotalCount()).isEqualTo(400);
            assertThat(all.errorCount()).isZero();
            assertThat(r.byRequest().keySet()).containsExactly("GET /a", "GET /b");
            assertThat(r.byRequest().get("GET /a").requests()).isEqualTo(300);
            assertThat(r.byRequest().get("GET /b").requests()).isEqualTo(100);
            // each request's uncorrected latency is at most its corrected one
            for (double q : new double[] {50, 90, 99, 100}) {
                assertThat(all.uncorrected().getValueAtPercentile(q))
                        .isLessThanOrEqualTo(all.corrected().getValueAtPercentile(q));
            }
            // only requests that found an idle connection count (a cold JVM may keep all 4 busy now and then)
            assertThat(r.sendLagWhileIdle().getTotalCount()).isBetween(1L, 400L);
            assertThat(r.model()).isEqualTo(LoadModel.OPEN);
            assertThat(r.measuredSeconds()).isEqualTo(2.0);
            assertThat(r.endEpochMillis()).isGreaterThanOrEqualTo(r.startEpochMillis() + 1_900);
            assertThat(r.intervalLog()).isEqualTo(log);
        }
        // The interval log holds every request, tagged per name and kind
        long corrected = 0;
        long uncorrectedB = 0;
        Set<String> tags = new java.util.TreeSet<>();
        HistogramLogReader reader = new HistogramLogReader(new File(log.toString()));
        for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
            tags.add(h.getTag());
            if (h.getTag().startsWith("corrected.")) {
                corrected += ((Histogram) h).getTotalCount();
            }
            if (h.getTag().equals("uncorrected.GET_/b")) {
                uncorrectedB += ((Histogram) h).getTotalCount();
            }
        }
        assertThat(tags).containsExactly("corrected.GET_/a", "corrected.GET_/b", "sendLag", "uncorrected.GET_/a",
                "uncorrected.GET_/b");
        assertThat(corrected).isEqualTo(400);
        assertThat(uncorrectedB).isEqualTo(100);
        assertThat(progress).last().asString().startsWith("trial 1 done").contains("400 requests");
    }

    @Test
    void rampUpSchedulesFewerRequestsAndAllAreRecorded() throws Exception {
        try (TestServer server = TestServer.ok()) {
            LoadProfile profile = new LoadProfile(LoadModel.OPEN, 200, Duration.ofSeconds(1), Duration.ofSeconds(2),
                    Duration.ZERO, 1, 4, Duration.ofSeconds(2), Duration.ofMillis(500));
            TrialRecording r = engine.run(plan(server.url(), profile, null, get("GET /", "/", 1)));
            assertThat(r.scheduled()).isEqualTo(300);
            assertThat(r.overall().requests()).isEqualTo(300);
            assertThat(r.sent()).isEqualTo(300);
            assertThat(r.overall().errorCount()).isZero();
        }
    }

    /**
     * Coordinated omission: the service stalls for a second once while the engine keeps its rate. Requests due
     * during the stall wait for a connection; their corrected latency shows the wait, the uncorrected latency
     * (timed from the late send) hides it.
     */
    @Test
    void correctedLatencyShowsAStallThatUncorrectedHides() throws Exception {
        long[] stall = new long[2];
        Object lock = new Object();
        try (TestServer server = new TestServer(exchange -> {
            long now = System.nanoTime();
            long until;
            synchronized (lock) {
                if (stall[0] == 0) {
                    stall[0] = now + 1_000_000_000L; // stall from 1 s after the first request
                    stall[1] = stall[0] + 1_000_000_000L; // for one second
                }
                until = now >= stall[0] && now < stall[1] ? stall[1] : 0;
            }
            if (until > 0) {
                TimeUnit.NANOSECONDS.sleep(until - now);
            }
            TestServer.reply(exchange, 200, "ok");
        })) {
            LoadProfile profile = open(200, Duration.ofSeconds(4), 4, Duration.ofSeconds(5));
            TrialRecording r = engine.run(plan(server.url(), profile, null, get("GET /", "/", 1)));
            RequestRecording all = r.overall();
            assertThat(all.requests()).isEqualTo(r.scheduled()).isEqualTo(800);
            assertThat(all.errorCount()).isZero();
            long correctedP99 = all.corrected().getValueAtPercentile(99);
            long uncorrectedP99 = all.uncorrected().getValueAtPercentile(99);
            assertThat(correctedP99).as("corrected p99 (µs)").isGreaterThanOrEqualTo(500_000);
            assertThat(uncorrectedP99).as("uncorrected p99 (µs)").isLessThan(correctedP99 / 2);
            // about a quarter of the requests were due during the stall and waited
            assertThat(all.corrected().getCountBetweenValues(100_000, 2_000_000)).isGreaterThan(100);
        }
    }

    @Test
    void wrongStatusAndFailedBodyChecksAreCountedPerRequest() throws Exception {
        Set<String> wrongIds = Set.of("3", "6");
        try (TestServer server = new TestServer(exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/users/")) {
                String id = path.substring("/users/".length());
                String answer = wrongIds.contains(id) ? "99" : id; // the wrong user for some ids
                TestServer.reply(exchange, 200, "{\"id\":\"" + answer + "\"}");
            } else if (path.equals("/missing")) {
                TestServer.reply(exchange, 404, "not here");
            } else {
                TestServer.reply(exchange, 200, "version 1.2.3");
            }
        })) {
            List<Map<String, String>> rows = new ArrayList<>();
            // 7 rows: coprime with the mix's cycle of 5, so every spec meets every row (row = request number % 7)
            for (int id = 1; id <= 7; id++) {
                rows.add(Map.of("id", Integer.toString(id)));
            }
            Feeder feeder = new Feeder("ids.csv", List.of("id"), rows);
            RequestSpec user = new RequestSpec("GET /users/{id}", "GET", "/users/#{id}", Map.of(), null, 2,
                    List.of(), List.of("\"id\":\"#{id}\""), List.of());
            RequestSpec missing = get("GET /missing", "/missing", 1);
            RequestSpec version = new RequestSpec("GET /version", "GET", "/version", Map.of(), null, 1, List.of(),
                    List.of(), List.of("version \\d+\\.\\d+"));
            RequestSpec versionWrong = new RequestSpec("GET /version (bad check)", "GET", "/version", Map.of(), null,
                    1, List.of(), List.of(), List.of("^release"));
            LoadProfile profile = open(100, Duration.ofSeconds(2), 4, Duration.ofSeconds(2));
            TrialRecording r = engine.run(plan(server.url(), profile, feeder, user, missing, version, versionWrong));

            assertThat(r.overall().requests()).isEqualTo(r.scheduled()).isEqualTo(200);
            RequestMix mix = new RequestMix(2, 1, 1, 1);
            long expectedUser = 0;
            long expectedUserChecks = 0;
            for (long i = 0; i < r.scheduled(); i++) {
                if (mix.specIndex(i) == 0) {
                    expectedUser++;
                    if (wrongIds.contains(feeder.row(i).get("id"))) {
                        expectedUserChecks++;
                    }
                }
            }
            RequestRecording users = r.byRequest().get("GET /users/{id}");
            assertThat(users.requests()).isEqualTo(expectedUser);
            assertThat(expectedUserChecks).isPositive();
            assertThat(users.errors()).isEqualTo(Map.of(ErrorKind.CHECK, expectedUserChecks));
            RequestRecording miss = r.byRequest().get("GET /missing");
            assertThat(miss.errors()).isEqualTo(Map.of(ErrorKind.STATUS, miss.requests()));
            assertThat(r.byRequest().get("GET /version").errorCount()).isZero();
            RequestRecording bad = r.byRequest().get("GET /version (bad check)");
            assertThat(bad.errors()).isEqualTo(Map.of(ErrorKind.CHECK, bad.requests()));
        }
    }

    @Test
    void aRequestThatIsNeverAnsweredTimesOutAndNothingIsLost() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (TestServer server = new TestServer(exchange -> {
            if (exchange.getRequestURI().getPath().equals("/hang")) {
                never.await(30, TimeUnit.SECONDS);
            }
            TestServer.reply(exchange, 200, "ok");
        })) {
            LoadProfile profile = open(50, Duration.ofSeconds(2), 16, Duration.ofMillis(500));
            TrialRecording r = engine.run(plan(server.url(), profile, null, get("GET /fast", "/fast", 4),
                    get("GET /hang", "/hang", 1)));
            assertThat(r.overall().requests()).isEqualTo(r.scheduled()).isEqualTo(100);
            RequestRecording hang = r.byRequest().get("GET /hang");
            assertThat(hang.requests()).isEqualTo(20);
            // each hanging request ends as TIMEOUT (or UNFINISHED if the drain ends first): none is lost
            assertThat(hang.errors().getOrDefault(ErrorKind.TIMEOUT, 0L)
                    + hang.errors().getOrDefault(ErrorKind.UNFINISHED, 0L)).isEqualTo(20);
            assertThat(hang.errors().getOrDefault(ErrorKind.TIMEOUT, 0L)).isGreaterThanOrEqualTo(15);
            assertThat(hang.corrected().getMinValue()).isGreaterThanOrEqualTo(450_000);
            assertThat(r.byRequest().get("GET /fast").errorCount()).isZero();
        } finally {
            never.countDown();
        }
    }

    @Test
    void requestsStillQueuedOrInFlightWhenTheDrainEndsAreUnfinished() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        try (TestServer server = new TestServer(exchange -> {
            never.await(30, TimeUnit.SECONDS);
            TestServer.reply(exchange, 200, "late");
        })) {
            // One connection, a service that never answers: request 0 times out after 1 s, request 1 is sent
            // then and is still in flight when the drain (1 s after the 1 s schedule) ends; 2..9 never leave the
            // queue.
            LoadProfile profile = open(10, Duration.ofSeconds(1), 1, Duration.ofSeconds(1));
            TrialRecording r = engine.run(plan(server.url(), profile, null, get("GET /", "/", 1)));
            RequestRecording all = r.overall();
            assertThat(r.scheduled()).isEqualTo(10);
            assertThat(all.requests()).isEqualTo(10);
            assertThat(all.errors().get(ErrorKind.TIMEOUT)).isGreaterThanOrEqualTo(1);
            assertThat(all.errors().get(ErrorKind.UNFINISHED)).isGreaterThanOrEqualTo(7);
            assertThat(all.errorCount()).isEqualTo(10);
            assertThat(all.uncorrected().getTotalCount()).isEqualTo(r.sent());
            // the schedule was not kept because the service held the only connection: a warning naming it; the
            // measurement stays valid (every request is timed from its intended send time)
            assertThat(r.warnings()).anySatisfy(f -> assertThat(f).contains("scheduled requests")
                    .contains("all 1 connections were busy"));
            assertThat(r.flags()).noneSatisfy(f -> assertThat(f).contains("scheduled requests"));
        } finally {
            never.countDown();
        }
    }

    @Test
    void aServiceTooSlowForTheRateIsWarnedAboutNotFlagged() throws Exception {
        try (TestServer server = new TestServer(exchange -> {
            Thread.sleep(100);
            TestServer.reply(exchange, 200, "slow");
        })) {
            // 2 connections * 10 answers/s each = 20/s of capacity for 100/s
            LoadProfile profile = open(100, Duration.ofSeconds(2), 2, Duration.ofSeconds(1));
            TrialRecording r = engine.run(plan(server.url(), profile, null, get("GET /", "/", 1)));
            assertThat(r.sent()).isLessThan(r.scheduled());
            assertThat(r.overall().requests()).isEqualTo(r.scheduled());
            assertThat(r.overall().errors().get(ErrorKind.UNFINISHED)).isPositive();
            assertThat(r.warnings()).anySatisfy(f -> assertThat(f).startsWith("only ")
                    .contains("all 2 connections were busy").contains("100 req/s"));
            assertThat(r.flags()).noneSatisfy(f -> assertThat(f).startsWith("only "));
        }
    }

    @Test
    void sendLagAboveTheLimitFlagsTheGenerator() throws Exception {
        try (TestServer server = TestServer.ok()) {
            LoadProfile profile = new LoadProfile(LoadModel.OPEN, 100, Duration.ZERO, Duration.ofSeconds(1),
                    Duration.ZERO, 1, 2, Duration.ofSeconds(2), Duration.ZERO);
            TrialRecording r = engine.run(plan(server.url(), profile, null, get("GET /", "/", 1)));
            assertThat(r.flags()).anySatisfy(f -> assertThat(f)
                    .startsWith("the load generator was the bottleneck: more than 10 % of its sends were over "
                            + "0.00 ms late (send lag p90 ")
                    .contains(", p99 "));
        }
    }

    @Test
    void closedModelKeepsEveryConnectionBusy() throws Exception {
        try (TestServer server = TestServer.ok()) {
            LoadProfile profile = Loads.closed(Duration.ofSeconds(2), 4);
            TrialRecording r = engine.run(plan(server.url(), profile, null, get("GET /", "/", 1)));
            assertThat(r.model()).isEqualTo(LoadModel.CLOSED);
            assertThat(r.sent()).isEqualTo(r.scheduled()).isGreaterThan(100);
            assertThat(server.requests.get()).isEqualTo(r.sent());
            RequestRecording all = r.overall();
            assertThat(all.requests()).isEqualTo(r.sent());
            assertThat(all.uncorrected().getTotalCount()).isEqualTo(r.sent());
            assertThat(all.errorCount()).isZero();
            // intended time = actual send: corrected and uncorrected are the same data
            assertThat(all.corrected()).isEqualTo(all.uncorrected());
            assertThat(r.sendLagWhileIdle().getTotalCount()).isZero();
            assertThat(r.flags()).isEmpty();
        }
    }

    @Test
    void nothingListeningIsALoadExceptionNamingTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port);
        LoadProfile profile = open(50, Duration.ofSeconds(1), 2, Duration.ofMillis(500));
        assertThatThrownBy(() -> engine.run(plan(url, profile, null, get("GET /", "/", 1))))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining(url.toString())
                .hasMessageContaining("connection attempts failed");
    }

    @Test
    void aServiceThatStartsLateGivesConnectErrorsThenAnswers() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port);
        LoadProfile profile = open(100, Duration.ofSeconds(3), 2, Duration.ofSeconds(2));
        Thread starter = new Thread(() -> {
            try {
                Thread.sleep(1_000);
                lateServer[0] = new TestServer(port, exchange -> TestServer.reply(exchange, 200, "ok"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        starter.start();
        try {
            TrialRecording r = engine.run(plan(url, profile, null, get("GET /", "/", 1)));
            RequestRecording all = r.overall();
            assertThat(all.requests()).isEqualTo(r.scheduled()).isEqualTo(300);
            assertThat(all.errors().get(ErrorKind.CONNECT)).isPositive();
            assertThat(r.sent()).isPositive();
            assertThat(all.requests() - all.errorCount()).isPositive();
        } finally {
            starter.join();
            if (lateServer[0] != null) {
                lateServer[0].close();
            }
        }
    }

    private final TestServer[] lateServer = new TestServer[1];

    @Test
    void theEngineRunsSeveralTrials() throws Exception {
        try (TestServer server = TestServer.ok(); NettyLoadEngine twoLoops = new NettyLoadEngine(2)) {
            LoadProfile profile = open(100, Duration.ofSeconds(1), 4, Duration.ofSeconds(2));
            for (int trial = 0; trial <= 2; trial++) {
                TrialPlan p = new TrialPlan(trial, server.url(), new LoadDefinition(List.of(get("GET /", "/", 1)),
                        profile, null), profile.duration(), null, null);
                TrialRecording r = twoLoops.run(p);
                assertThat(r.trial()).isEqualTo(trial);
                assertThat(r.overall().requests()).isEqualTo(100);
                assertThat(r.sent()).isEqualTo(100);
                assertThat(r.overall().errorCount()).isZero();
            }
            assertThat(server.requests.get()).isEqualTo(300);
        }
    }

    @Test
    void aServiceThatClosesEveryConnectionIsReconnectedWithoutErrors() throws Exception {
        try (TestServer server = new TestServer(exchange -> {
            exchange.getResponseHeaders().set("Connection", "close");
            TestServer.reply(exchange, 200, "bye");
        })) {
            LoadProfile profile = open(100, Duration.ofSeconds(1), 4, Duration.ofSeconds(2));
            TrialRecording r = engine.run(plan(server.url(), profile, null, get("GET /", "/", 1)));
            assertThat(r.overall().requests()).isEqualTo(r.scheduled()).isEqualTo(100);
            assertThat(r.sent()).isEqualTo(100);
            assertThat(r.overall().errorCount()).isZero();
        }
    }

    @Test
    void aConnectionResetWhileARequestIsOutstandingIsAnIoError() throws Exception {
        // A raw server that reads each request and then drops the connection without answering.
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (java.net.Socket s = listener.accept()) {
                        s.getInputStream().read(new byte[4096]);
                        s.setSoLinger(true, 0); // reset, not a polite close
                    } catch (java.io.IOException e) {
                        // listener closed
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI url = URI.create("http://127.0.0.1:" + listener.getLocalPort());
            LoadProfile profile = open(50, Duration.ofSeconds(1), 2, Duration.ofSeconds(2));
            TrialRecording r = engine.run(plan(url, profile, null, get("GET /", "/", 1)));
            RequestRecording all = r.overall();
            assertThat(all.requests()).isEqualTo(r.scheduled()).isEqualTo(50);
            assertThat(all.errors().get(ErrorKind.IO)).isPositive();
            // every request ends as an error of some kind; none is lost or counted as a success
            assertThat(all.errorCount()).isEqualTo(50);
        }
    }

    @Test
    void aHeadAnswerHasNoBodyWhateverItsContentLengthSays() throws Exception {
        try (TestServer server = new TestServer(exchange -> {
            // the JDK server sends the Content-Length of a HEAD answer but no body
            exchange.getResponseHeaders().set("Content-Length", "1000");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        })) {
            RequestSpec head = new RequestSpec("HEAD /", "HEAD", "/", Map.of(), null, 1, List.of(), List.of(),
                    List.of());
            LoadProfile profile = open(50, Duration.ofSeconds(1), 1, Duration.ofMillis(500));
            TrialRecording r = engine.run(plan(server.url(), profile, null, head));
            assertThat(r.overall().requests()).isEqualTo(50);
            assertThat(r.overall().errorCount()).isZero();
        }
    }

    @Test
    void aBrokenLoadDefinitionIsRejectedBeforeAnythingIsSent() {
        LoadProfile profile = open(10, Duration.ofSeconds(1), 1, Duration.ofSeconds(1));
        URI url = URI.create("http://127.0.0.1:1");
        assertThatThrownBy(() -> engine.run(plan(url, profile, null, get("GET /users", "/users/#{id}", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no feeder");
        assertThatThrownBy(() -> engine.run(plan(url, profile, null, get("bad", "users", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with /");
        assertThatThrownBy(() -> engine.run(plan(URI.create("https://127.0.0.1:1"), profile, null,
                get("GET /", "/", 1)))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
    }

    @Test
    void aClosedEngineRefusesToRun() {
        NettyLoadEngine e = new NettyLoadEngine();
        e.close();
        LoadProfile profile = open(10, Duration.ofSeconds(1), 1, Duration.ofSeconds(1));
        assertThatThrownBy(() -> e.run(plan(URI.create("http://127.0.0.1:1"), profile, null, get("GET /", "/", 1))))
                .isInstanceOf(IllegalStateException.class);
    }
}
