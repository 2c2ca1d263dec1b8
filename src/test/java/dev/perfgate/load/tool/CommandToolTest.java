package dev.perfgate.load.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.perfgate.load.LoadConfigException;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.LoadModel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real commands through the engine: shell scripts writing results, and Debian's wrk against a server in this JVM. */
class CommandToolTest {
    private static final URI URL = URI.create("http://127.0.0.1:8123");

    @TempDir
    Path dir;

    @Test
    void runsTheCommandWithPlaceholdersAndEnvironmentThenImportsItsIntervalLog() throws Exception {
        Path script = script("write-hlog.sh", """
                #!/bin/sh
                echo "target $1 for $2 s, users $PERFGATE_USERS, trial $PERFGATE_TRIAL, dir $PERFGATE_RESULTS_DIR"
                cp '%s' "$3"
                """.formatted(fixture("perfgate-trial.hlog")));
        CommandSettings settings = new CommandSettings(List.of(script.toString(), "${perfgate.baseUrl}/search",
                "${perfgate.duration}", "${perfgate.resultsDir}/latency.hlog"), "latency.hlog", "hlog", null, null);

        TrialRecording trial = run(settings, 1, Duration.ofSeconds(3));

        assertThat(trial.byRequest()).containsOnlyKeys("GET_/", "POST_/items");
        assertThat(trial.overall().requests()).isEqualTo(450);
        Path trialDir = dir.resolve("out/tool-trial-1");
        assertThat(Files.readString(trialDir.resolve("output.log"))).contains("target http://127.0.0.1:8123/search "
                + "for 3 s, users 4, trial 1, dir " + trialDir.toAbsolutePath());
    }

    @Test
    void aGlobMergesTheLogsOfSeveralGeneratorHosts() throws Exception {
        Path script = script("three-hosts.sh", """
                #!/bin/sh
                for host in a b c; do cp '%s' "$PERFGATE_RESULTS_DIR/host-$host.hlog"; done
                """.formatted(fixture("perfgate-trial.hlog")));
        CommandSettings settings = new CommandSettings(List.of(script.toString()), "host-*.hlog", "hlog", null,
                null);
        TrialRecording trial = run(settings, 1, Duration.ofSeconds(1));
        assertThat(trial.overall().requests()).isEqualTo(3 * 450);
        assertThat(trial.byRequest().get("GET_/").requests()).isEqualTo(3 * 300);
    }

    @Test
    void readsWrk2OutputFromTheCommandsOwnStdout() throws Exception {
        Path script = script("fake-wrk2.sh", "#!/bin/sh\ncat '%s'\n".formatted(fixture("wrk2-latency-u.txt")));
        CommandSettings settings = new CommandSettings(List.of(script.toString()), "-", "WRK", "GET /", null);

        TrialRecording trial = run(settings, 1, Duration.ofSeconds(1));

        assertThat(trial.byRequest()).containsOnlyKeys("GET /");
        assertThat(trial.overall().requests()).isEqualTo(9000);
        assertThat(trial.byRequest().get("GET /").errors()).containsEntry(ErrorKind.TIMEOUT, 12L);
    }

    @Test
    void importsK6OutputACommandWrote() throws Exception {
        Path script = script("k6-wrapper.sh", "#!/bin/sh\ncp '%s' \"$PERFGATE_RESULTS_DIR/out.json\"\n"
                .formatted(fixture("k6-run.json")));
        CommandSettings settings = new CommandSettings(List.of(script.toString()), "out.json", "k6", null, null);
        TrialRecording trial = run(settings, 1, Duration.ofSeconds(1));
        assertThat(trial.overall().requests()).isEqualTo(60);
        assertThat(trial.flags()).singleElement().asString().startsWith("k6 dropped 4 iterations");
    }

    @Test
    void plainWrkIsRefusedWithTheWayToWrk2() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/wrk")), "wrk is not installed");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes());
            exchange.close();
        });
        server.start();
        try {
            CommandSettings settings = new CommandSettings(List.of("/usr/bin/wrk", "-t1", "-c2",
                    "-d${perfgate.duration}s", "--latency", "${perfgate.baseUrl}/"), null, "wrk", null, null);
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            assertThatThrownBy(() -> run(settings, url, 1, Duration.ofSeconds(1)))
                    .isInstanceOf(LoadException.class)
                    .hasMessageContaining("wrk wrote a result file perfgate cannot read in trial 1")
                    .hasMessageContaining("output.log:6: wrk's --latency output has only four percentiles")
                    .hasMessageContaining("use wrk2");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aCommandThatWritesNothingFailsWithItsOutput() throws Exception {
        Path script = script("silent.sh", "#!/bin/sh\necho 'generator: nothing to do'\n");
        CommandSettings settings = new CommandSettings(List.of(script.toString()), "latency.hlog", "hlog", null,
                null);
        assertThatThrownBy(() -> run(settings, 1, Duration.ofSeconds(1)))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("wrote no results in trial 1")
                .hasMessageContaining("latency.hlog is missing")
                .hasMessageContaining("generator: nothing to do");
    }

    @Test
    void aMissingExecutableSaysWhatToCheck() {
        CommandSettings settings = new CommandSettings(List.of("/nonexistent/wrk2"), null, "wrk", null, null);
        assertThatThrownBy(() -> run(settings, 0, Duration.ofSeconds(1)))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("wrk2 could not be started for the warm-up (/nonexistent/wrk2")
                .hasMessageContaining("check <loadCommand>");
    }

    @Test
    void settingsAreCheckedAllAtOnce() {
        CommandSettings bad = new CommandSettings(List.of(), null, "jtl", null, "seconds");
        assertThatThrownBy(() -> CommandTool.create(bad, profile(Duration.ofSeconds(1))))
                .isInstanceOf(LoadConfigException.class)
                .satisfies(e -> assertThat(((LoadConfigException) e).problems()).hasSize(4)
                        .anyMatch(p -> p.startsWith("<loadCommand> is empty"))
                        .anyMatch(p -> p.startsWith("<loadFormat> 'jtl' is not one of hlog, wrk, k6"))
                        .anyMatch(p -> p.startsWith("<loadResultFile> is required"))
                        .anyMatch(p -> p.startsWith("<loadHlogUnit> hlog unit 'seconds'")));
    }

    @Test
    void identityMasksSecretsInTheCommand() {
        CommandSettings s = new CommandSettings(List.of("gen", "--token", "abc", "api_key=xyz"), "r.hlog", "hlog",
                null, "ns");
        assertThat(CommandTool.identity(s).source()).isEqualTo("gen --token *** api_key=***");
        assertThat(CommandTool.identity(s).settings()).containsEntry("hlogUnit", "ns").containsEntry("format", "hlog");
    }

    private Path script(String name, String text) throws IOException {
        Path f = dir.resolve("bin/" + name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        return f;
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CommandToolTest.class.getResource("/imports/" + name).toURI());
    }

    private static LoadProfile profile(Duration duration) {
        return new LoadProfile(LoadModel.CLOSED, 50, Duration.ZERO, duration, Duration.ZERO, 1, 4,
                Duration.ofSeconds(5), Duration.ofMillis(10));
    }

    private TrialRecording run(CommandSettings settings, int trial, Duration duration) throws Exception {
        return run(settings, URL, trial, duration);
    }

    private TrialRecording run(CommandSettings settings, URI url, int trial, Duration duration) throws Exception {
        LoadProfile profile = profile(duration);
        LoadTool tool = CommandTool.create(settings, profile);
        LoadDefinition load = LoadDefinition.external(CommandTool.identity(settings), profile);
        try (ToolEngine engine = new ToolEngine(tool, dir.resolve("out"))) {
            return engine.run(new TrialPlan(trial, url, load, duration, null, null));
        }
    }
}
