package dev.perfgate.service;

import static dev.perfgate.testing.TestApps.eventually;
import static dev.perfgate.testing.TestApps.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import dev.perfgate.testing.TestApps;

import dev.perfgate.testing.apps.Boom;
import dev.perfgate.testing.apps.EchoServer;
import dev.perfgate.testing.apps.Sleeper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real processes; timeouts are generous because the build machine may be a busy 2-core box. */
@Timeout(300)
@Tag("slow")
class ServiceProcessTest {
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void startsAJvmServiceWaitsForItAndStopsIt() throws Exception {
        ServiceSpec spec = TestApps.main(EchoServer.class)
                .jvmArgs("-Dsun.net.httpserver.nodelay=true")
                .logFile(dir.resolve("perfgate/service.log"))
                .readiness(Readiness.http("http://127.0.0.1:${perfgate.port}/"))
                .build();
        ServiceProcess service = ServiceProcess.start(spec);
        long pid;
        int port;
        try {
            service.awaitReady();
            pid = service.pid();
            port = service.port();
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(service.resolve("http://127.0.0.1:${perfgate.port}/?hello")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).startsWith("echo hello");
            service.checkAlive();
            assertThat(service.lastLogLines(20)).contains("EchoServer listening on " + port);
        } finally {
            service.close();
        }
        assertThat(service.isAlive()).isFalse();
        assertThat(running(pid)).isFalse();
        assertThat(refusesConnections(port)).isTrue();
        service.close(); // idempotent
    }

    @Test
    void stopsTheWholeProcessTreeOfACommand() throws Exception {
        ServiceSpec spec = ServiceSpec.command(List.of("sh", "-c", "sleep 300 & sleep 300"))
                .logFile(dir.resolve("tree.log")).build();
        List<ProcessHandle> tree;
        try (ServiceProcess service = ServiceProcess.start(spec)) {
            service.awaitReady(); // no readiness: alive is enough
            ProcessHandle root = ProcessHandle.of(service.pid()).orElseThrow();
            assertThat(eventually(GENEROUS, () -> root.descendants().count() >= 2)).isTrue();
            tree = root.descendants().toList();
        }
        assertThat(tree).allSatisfy(handle -> assertThat(ProcessTree.isRunning(handle)).isFalse());
    }

    @Test
    void killsATreeThatIgnoresSigterm() throws Exception {
        // An ignored signal stays ignored in the children too: the whole tree needs SIGKILL.
        ServiceSpec spec = ServiceSpec.command(List.of("sh", "-c", "trap '' TERM; sleep 300 & sleep 300"))
                .logFile(dir.resolve("stubborn.log")).stopTimeout(Duration.ofSeconds(1)).build();
        ServiceProcess service = ServiceProcess.start(spec);
        ProcessHandle root = ProcessHandle.of(service.pid()).orElseThrow();
        assertThat(eventually(GENEROUS, () -> root.descendants().count() >= 2)).isTrue();
        List<ProcessHandle> tree = root.descendants().toList();
        service.close();
        assertThat(ProcessTree.isRunning(root)).isFalse();
        assertThat(tree).allSatisfy(handle -> assertThat(ProcessTree.isRunning(handle)).isFalse());
    }

    @Test
    void reportsAServiceThatExitsBeforeItIsReady() throws Exception {
        Path log = dir.resolve("boom.log");
        Files.writeString(log, "an earlier run said: old-news\n");
        ServiceSpec spec = TestApps.main(Boom.class).logFile(log)
                .readiness(Readiness.http("http://127.0.0.1:${perfgate.port}/")).build();
        try (ServiceProcess service = ServiceProcess.start(spec)) {
            ServiceException e = catchThrowableOfType(service::awaitReady, ServiceException.class);
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("exited early with code 3", "boom", log.toString())
                    .doesNotContain("old-news");
            assertThat(e.getMessage().lines().findFirst().orElseThrow()).contains(Boom.class.getName());
        }
    }

    @Test
    void reportsAServiceThatNeverGetsReady() throws Exception {
        ServiceSpec spec = TestApps.main(Sleeper.class).logFile(dir.resolve("sleeper.log"))
                .readiness(Readiness.http("http://127.0.0.1:${perfgate.port}/health"))
                .readyTimeout(Duration.ofSeconds(3)).build();
        try (ServiceProcess service = ServiceProcess.start(spec)) {
            assertThatThrownBy(service::awaitReady).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("did not get ready within 3 s")
                    .hasMessageContaining("GET http://127.0.0.1:" + service.port() + "/health")
                    .hasMessageContaining("connection refused");
            assertThat(service.isAlive()).isTrue();
        }
    }

    @Test
    void reportsATcpTargetThatNeverAccepts() throws Exception {
        ServiceSpec spec = TestApps.main(Sleeper.class).logFile(dir.resolve("sleeper-tcp.log"))
                .readiness(Readiness.tcp("127.0.0.1:${perfgate.port}"))
                .readyTimeout(Duration.ofSeconds(2)).build();
        try (ServiceProcess service = ServiceProcess.start(spec)) {
            assertThatThrownBy(service::awaitReady).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("within 2 s")
                    .hasMessageContaining("TCP 127.0.0.1:" + service.port());
        }
    }

    @Test
    void tcpReadinessAndFixedPort() throws Exception {
        int port = PortAllocator.freePort();
        ServiceSpec spec = TestApps.main(EchoServer.class).port(port).logFile(dir.resolve("tcp.log"))
                .readiness(Readiness.tcp("127.0.0.1:${perfgate.port}")).build();
        try (ServiceProcess service = ServiceProcess.start(spec)) {
            service.awaitReady();
            assertThat(service.port()).isEqualTo(port);
        }
    }

    @Test
    void reportsACrashDuringTheRun() throws Exception {
        ServiceSpec spec = TestApps.main(EchoServer.class).args("${perfgate.port}", "3")
                .logFile(dir.resolve("crash.log"))
                .readiness(Readiness.http("http://127.0.0.1:${perfgate.port}/")).build();
        try (ServiceProcess service = ServiceProcess.start(spec)) {
            service.awaitReady();
            assertThat(eventually(GENEROUS, () -> !service.isAlive())).isTrue();
            assertThatThrownBy(service::checkAlive).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("exited during the run with code 7")
                    .hasMessageContaining("crashing on purpose");
        }
    }

    @Test
    void passesThePortThroughEnvironmentAndArgs() throws Exception {
        ServiceSpec spec = ServiceSpec.command(List.of("sh", "-c", "echo env=$PERFGATE_PORT mine=$MINE arg=$1", "sh"))
                .args("${perfgate.port}").env("MINE", "p${perfgate.port}").port(4567)
                .workingDirectory(dir).logFile(dir.resolve("env.log")).build();
        try (ServiceProcess service = ServiceProcess.start(spec)) {
            assertThat(eventually(GENEROUS, () -> !service.isAlive())).isTrue();
            assertThat(service.lastLogLines(1)).containsExactly("env=4567 mine=p4567 arg=4567");
        }
    }

    @Test
    void reportsACommandThatCannotStart() {
        ServiceSpec spec = ServiceSpec.command(List.of(dir.resolve("no-such-program").toString()))
                .logFile(dir.resolve("missing.log")).build();
        assertThatThrownBy(() -> ServiceProcess.start(spec)).isInstanceOf(ServiceException.class)
                .hasMessageContaining("Could not start the service")
                .hasMessageContaining("no-such-program");
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
