package dev.perfgate.load.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.RequestRecording;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.LoadModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Locust runs (Debian's python3-locust, installed by .ci/run) against an HTTP server in this JVM, through the
 * engine perfgate uses: what Locust measured must arrive exactly, by request name, with its errors.
 */
@Tag("slow")
class LocustToolTest {
    private static final String LOCUSTFILE = """
            from locust import HttpUser, task, constant

            class Visitor(HttpUser):
                wait_time = constant(0.02)

                @task(3)
                def fast(self):
                    self.client.get("/fast", name="GET /fast")

                @task
                def broken(self):
                    self.client.get("/broken", name="GET /broken")
            """;

    @TempDir
    Path dir;
    private HttpServer server;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        Assumptions.assumeTrue(System.getenv("CI") != null || onPath("locust"),
                "locust is not installed (apt-get install python3-locust); .ci/run installs it");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fast", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/broken", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void importsEveryRequestLocustMadeByNameWithItsErrors() throws Exception {
        TrialRecording trial = run(settings(LOCUSTFILE, 0, List.of()), 1, Duration.ofSeconds(3));

        assertThat(trial.byRequest()).containsOnlyKeys("GET /fast", "GET /broken");
        RequestRecording fast = trial.byRequest().get("GET /fast");
        RequestRecording broken = trial.byRequest().get("GET /broken");
        // 4 users pausing 20 ms: hundreds of requests in 3 s even on a busy machine
        assertThat(fast.requests()).isGreaterThan(50);
        assertThat(fast.errorCount()).isZero();
        assertThat(broken.requests()).isPositive();
        assertThat(broken.errors()).containsOnlyKeys(ErrorKind.STATUS);
        assertThat(broken.errorCount()).isEqualTo(broken.requests());
        // the listener saw exactly what Locust counted: no flag
        assertThat(trial.flags()).isEmpty();
        assertThat(trial.model()).isEqualTo(LoadModel.CLOSED);
        assertThat(fast.corrected().getTotalCount()).isEqualTo(fast.uncorrected().getTotalCount());
        assertThat(fast.corrected().getValueAtPercentile(50)).isPositive();
        assertThat(progress).anyMatch(l -> l.contains("not corrected for coordinated omission"));
    }

    @Test
    void distributedWorkersSendTheirSamplesToTheMaster() throws Exception {
        TrialRecording trial = run(settings(LOCUSTFILE, 2, List.of()), 1, Duration.ofSeconds(4));

        long total = trial.byRequest().values().stream().mapToLong(RequestRecording::requests).sum();
        assertThat(total).isGreaterThan(50);
        assertThat(trial.flags()).as("Locust's count and perfgate's samples agree").isEmpty();
        assertThat(dir.resolve("out/tool-trial-1/companion-2.log")).exists();
    }

    @Test
    void aScriptThatSendsNothingFailsTheTrial() throws IOException {
        String idle = """
                from locust import User, task, constant

                class Idle(User):
                    wait_time = constant(0.5)

                    @task
                    def nothing(self):
                        pass
                """;
        assertThatThrownBy(() -> run(settings(idle, 0, List.of()), 1, Duration.ofSeconds(2)))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("Locust measured no requests in trial 1");
    }

    @Test
    void aBrokenScriptFailsWithLocustsOwnWords() throws IOException {
        assertThatThrownBy(() -> run(settings("import no_such_module_perfgate\n", 0, List.of()), 1, Duration.ofSeconds(2)))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("Locust failed in trial 1 with exit code")
                .hasMessageContaining("ModuleNotFoundError");
    }

    @Test
    void aMissingLocustSaysHowToInstallIt() throws IOException {
        ScriptSettings missing = settings(LOCUSTFILE, 0, List.of("/nonexistent/locust"));
        assertThatThrownBy(() -> run(missing, 0, Duration.ofSeconds(1)))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("Locust could not be started for the warm-up")
                .hasMessageContaining("apt-get install python3-locust");
    }

    private ScriptSettings settings(String locustfile, int workers, List<String> command) throws IOException {
        Path script = dir.resolve("locustfile.py");
        Files.writeString(script, locustfile);
        return new ScriptSettings(script, null, command, List.of(), Map.of("API_TOKEN", "s3cret"), workers, null);
    }

    private TrialRecording run(ScriptSettings settings, int trial, Duration duration) throws Exception {
        LoadProfile profile = new LoadProfile(LoadModel.CLOSED, 100, Duration.ZERO, duration, Duration.ZERO, 1, 4,
                Duration.ofSeconds(5), Duration.ofMillis(10));
        LoadTool tool = LoadTools.create(settings, profile);
        LoadDefinition load = LoadDefinition.external(LoadTools.identity(settings, dir), profile);
        try (ToolEngine engine = new ToolEngine(tool, dir.resolve("out"))) {
            return engine.run(new TrialPlan(trial, URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                    load, duration, null, progress::add));
        }
    }

    private static boolean onPath(String command) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) {
                return true;
            }
        }
        return false;
    }
}
