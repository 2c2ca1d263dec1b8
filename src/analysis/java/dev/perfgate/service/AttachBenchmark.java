package dev.perfgate.service;

import dev.perfgate.testing.TestApps;
import dev.perfgate.testing.apps.EchoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A benchmark (not a test): how long attaching and starting a recording takes, and copying one trial window out of
 * it, by pid and by JMX URL, next to jcmd's dump of a launched service's recording. See docs/perf/attach.md.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.perfgate.service.AttachBenchmark \
 *     rounds=5 window=10
 * </pre>
 */
public final class AttachBenchmark {
    private AttachBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        int window = 10;
        for (String a : args) {
            if (a.startsWith("rounds=")) {
                rounds = Integer.parseInt(a.substring(7));
            } else if (a.startsWith("window=")) {
                window = Integer.parseInt(a.substring(7));
            }
        }
        Path dir = Files.createTempDirectory("perfgate-attach-bench");
        int jmxPort = PortAllocator.freePort();
        try (ServiceProcess outside = ServiceProcess.start(echo(dir, List.of(
                "-Dcom.sun.management.jmxremote.port=" + jmxPort, "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false"),
                JfrOptions.disabled()));
             ServiceProcess launched = ServiceProcess.start(echo(dir, List.of(), JfrOptions.profile(dir)))) {
            outside.awaitReady();
            launched.awaitReady();
            JmxTarget byPid = new JmxTarget.Pid(outside.pid());
            JmxTarget byUrl = new JmxTarget.Url("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi",
                    null, null);
            for (int round = 1; round <= rounds; round++) {
                for (JmxTarget target : List.of(byPid, byUrl)) {
                    long t0 = System.nanoTime();
                    try (AttachedRecording recording = AttachedRecording.start(new JfrAttach(target, "profile"),
                            Duration.ofHours(1))) {
                        long started = System.nanoTime();
                        Instant begin = Instant.now();
                        load(outside, Duration.ofSeconds(window));
                        Instant end = Instant.now();
                        long c0 = System.nanoTime();
                        Path file = recording.copy(dir.resolve("attach.jfr"), begin, end);
                        long copied = System.nanoTime();
                        long size = Files.size(file);
                        long s0 = System.nanoTime();
                        recording.close();
                        System.out.printf(Locale.ROOT, "round %d %-4s attach+start %5d ms  copy %4d ms (%5d kB, "
                                        + "%d s window)  stop+close %4d ms%n", round,
                                target instanceof JmxTarget.Pid ? "pid" : "url", ms(t0, started), ms(c0, copied),
                                size / 1024, window, ms(s0, System.nanoTime()));
                    }
                }
                Instant begin = Instant.now();
                load(launched, Duration.ofSeconds(window));
                Instant end = Instant.now();
                long d0 = System.nanoTime();
                Path dumped = launched.dumpJfr(dir.resolve("jcmd.jfr"), begin, end);
                System.out.printf(Locale.ROOT, "round %d jcmd dump of a launched service %4d ms (%5d kB)%n", round,
                        ms(d0, System.nanoTime()), Files.size(dumped) / 1024);
            }
        }
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static ServiceSpec echo(Path dir, List<String> jvmArgs, JfrOptions jfr) {
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-Dsun.net.httpserver.nodelay=true");
        return TestApps.main(EchoServer.class).jvmArgs(args).logFile(dir.resolve("service.log"))
                .readiness(Readiness.http("http://127.0.0.1:${perfgate.port}/")).jfr(jfr).build();
    }

    /** Two client threads, as fast as the service answers. */
    private static void load(ServiceProcess service, Duration duration) throws Exception {
        URI uri = URI.create(service.resolve("http://127.0.0.1:${perfgate.port}/?bench"));
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread client = new Thread(() -> {
                HttpClient http = HttpClient.newHttpClient();
                while (!stop.get()) {
                    try {
                        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Thread client : clients) {
            client.join();
        }
    }
}
