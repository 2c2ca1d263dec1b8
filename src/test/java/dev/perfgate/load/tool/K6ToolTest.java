package dev.perfgate.load.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.LoadModel;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k6 cannot be installed on the build machine: the command is checked as built, a missing k6 through the real
 * engine, and the engine end to end with a fake {@code k6}: a real shell script that honours k6's CLI contract (it
 * writes the {@code --out json=FILE} NDJSON and the {@code --summary-export FILE} summary where its arguments say,
 * and exits like k6 does), fed with fixtures in k6's documented formats.
 */
class K6ToolTest {
    private static final URI URL = URI.create("http://127.0.0.1:8123");

    @TempDir
    Path dir;
    private final List<String> progress = new ArrayList<>();

    @Test
    void buildsK6RunWithTheTrialAsEnvironmentVariablesAndOutputsInTheTrialDirectory() throws Exception {
        ScriptSettings settings = settings(List.of(), List.of("--tag", "team=checkout"));
        LoadTool tool = LoadTools.create(settings, profile(Duration.ofSeconds(30)));
        Path trialDir = dir.resolve("out/tool-trial-2");
        ToolCommand command = tool.command(plan(settings, 2, Duration.ofSeconds(30)), trialDir);

        String script = dir.resolve("load.js").toAbsolutePath().toString();
        assertThat(command.argv()).containsExactly("k6", "run",
                "--out", "json=" + trialDir.resolve("k6.json").toAbsolutePath(),
                "--summary-export", trialDir.resolve("summary.json").toAbsolutePath().toString(),
                "-e", "PERFGATE_BASE_URL=http://127.0.0.1:8123",
                "-e", "PERFGATE_DURATION=30",
                "-e", "PERFGATE_USERS=4",
                "-e", "PERFGATE_RATE=50",
                "-e", "PERFGATE_RAMP_UP=0",
                "-e", "PERFGATE_TRIAL=2",
                "--tag", "team=checkout",
                script);
        assertThat(command.environment()).containsEntry("PERFGATE_BASE_URL", "http://127.0.0.1:8123")
                .containsEntry("PERFGATE_TRIAL", "2").containsEntry("REGION", "eu").containsEntry("API_TOKEN", "s3cret");
        // script properties, secrets among them, never appear on a command line other users can read
        assertThat(String.join(" ", command.argv())).doesNotContain("s3cret").doesNotContain("REGION");
        assertThat(LoadTools.identity(settings, dir).settings()).containsEntry("property.API_TOKEN", "***");
        assertThat(tool.model()).isEqualTo(LoadModel.OPEN);
        assertThat(tool.completed(0)).isTrue();
        assertThat(tool.completed(99)).as("thresholds crossed: the data stands").isTrue();
        assertThat(tool.completed(107)).as("script exception").isFalse();
    }

    @Test
    void scriptCommandReplacesK6() throws Exception {
        ScriptSettings settings = settings(List.of("/opt/k6/bin/k6", "--no-color"), List.of());
        ToolCommand command = LoadTools.create(settings, profile(Duration.ofSeconds(5)))
                .command(plan(settings, 0, Duration.ofSeconds(5)), dir);
        assertThat(command.argv()).startsWith("/opt/k6/bin/k6", "--no-color", "run");
        assertThat(command.argv()).contains("PERFGATE_TRIAL=0").endsWith(dir.resolve("load.js").toString());
    }

    @Test
    void aMissingK6SaysHowToInstallIt() throws Exception {
        ScriptSettings settings = settings(List.of("/nonexistent/k6"), List.of());
        assertThatThrownBy(() -> run(settings, 1, Duration.ofSeconds(1)))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("k6 could not be started for trial 1 (/nonexistent/k6")
                .hasMessageContaining("https://grafana.com/docs/k6/latest/set-up/install-k6/")
                .hasMessageContaining("<scriptCommand>");
    }

    @Test
    void importsWhatAFakeK6WroteThroughTheEngineAndReportsK6sCrossedThresholds() throws Exception {
        Path fake = fakeK6(fixture("k6-run.json"), fixture("k6-summary-handle.json"), 99);
        TrialRecording trial = run(settings(List.of(fake.toString()), List.of()), 1, Duration.ofSeconds(1));

        assertThat(trial.byRequest()).containsOnlyKeys("http://127.0.0.1:8123/", "items",
                "GET http://127.0.0.1:8123/login", "POST http://127.0.0.1:8123/login");
        assertThat(trial.overall().requests()).isEqualTo(60);
        assertThat(trial.byRequest().get("items").errors()).containsEntry(ErrorKind.TIMEOUT, 1L);
        assertThat(trial.flags()).singleElement().asString().startsWith("k6 dropped 4 iterations");
        assertThat(trial.warnings()).anyMatch(w -> w.startsWith("k6's own thresholds were crossed")
                && w.contains("http_req_duration: p(99)<50") && w.contains("http_req_duration{name:items}: max<1000"));
        assertThat(progress).anyMatch(l -> l.contains("timed from the actual send"));
        // the fake k6 saw the service's URL as k6 would
        assertThat(Files.readString(dir.resolve("out/tool-trial-1/output.log")))
                .contains("-e PERFGATE_BASE_URL=http://127.0.0.1:8123");
    }

    @Test
    void aSummaryCountingOtherRequestsFlagsTheTrial() throws Exception {
        Path fake = fakeK6(fixture("k6-run.json"), writeSummary(75), 0);
        TrialRecording trial = run(settings(List.of(fake.toString()), List.of()), 1, Duration.ofSeconds(1));
        assertThat(trial.flags()).anyMatch(f -> f.contains("k6's summary counts 75 requests but its JSON output "
                + "holds 60 http_req_duration points"));
    }

    @Test
    void aK6FailingForItsOwnReasonsFailsTheTrialWithItsOutput() throws Exception {
        Path fake = fakeK6(fixture("k6-run.json"), fixture("k6-summary-handle.json"), 107);
        assertThatThrownBy(() -> run(settings(List.of(fake.toString()), List.of()), 1, Duration.ofSeconds(1)))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("k6 failed in trial 1 with exit code 107")
                .hasMessageContaining("fake k6 run");
    }

    @Test
    void aCutOutputFailsTheTrialNamingFileAndLine() throws Exception {
        Path fake = fakeK6(fixture("k6-truncated.json"), fixture("k6-summary-handle.json"), 0);
        assertThatThrownBy(() -> run(settings(List.of(fake.toString()), List.of()), 1, Duration.ofSeconds(1)))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("k6 wrote a result file perfgate cannot read in trial 1")
                .hasMessageContaining("k6.json:41: the last line is cut off");
    }

    /**
     * A stand-in for k6 honouring its CLI contract: finds {@code --out json=FILE} and {@code --summary-export FILE}
     * in its arguments, copies the given files there, prints its command line and exits with {@code exit}.
     */
    private Path fakeK6(Path ndjson, Path summary, int exit) throws IOException {
        Path fake = dir.resolve("bin/k6");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, """
                #!/bin/sh
                echo "fake k6 $*"
                [ "$1" = run ] || { echo "unknown command $1"; exit 255; }
                out=; summary=
                while [ $# -gt 0 ]; do
                  case "$1" in
                    --out) shift; case "$1" in json=*) out="${1#json=}";; esac;;
                    --summary-export) shift; summary="$1";;
                  esac
                  shift
                done
                [ -n "$out" ] || { echo "no --out json="; exit 255; }
                cp '%s' "$out" && cp '%s' "$summary"
                exit %d
                """.formatted(ndjson, summary, exit));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        return fake;
    }

    private Path writeSummary(long httpReqs) throws IOException {
        Path f = dir.resolve("summary-" + httpReqs + ".json");
        Files.writeString(f, "{\"metrics\":{\"http_reqs\":{\"type\":\"counter\",\"contains\":\"default\","
                + "\"values\":{\"count\":" + httpReqs + ",\"rate\":10}}}}");
        return f;
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(K6ToolTest.class.getResource("/imports/" + name).toURI());
    }

    private ScriptSettings settings(List<String> command, List<String> args) throws IOException {
        Path script = dir.resolve("load.js");
        Files.writeString(script, """
                import http from 'k6/http';
                export const options = { vus: Number(__ENV.PERFGATE_USERS), duration: `${__ENV.PERFGATE_DURATION}s` };
                export default function () { http.get(`${__ENV.PERFGATE_BASE_URL}/`); }
                """);
        Map<String, String> properties = new TreeMap<>(Map.of("API_TOKEN", "s3cret", "REGION", "eu"));
        return new ScriptSettings(script, null, command, args, properties, 0, null);
    }

    private static LoadProfile profile(Duration duration) {
        return new LoadProfile(LoadModel.OPEN, 50, Duration.ZERO, duration, Duration.ZERO, 1, 4,
                Duration.ofSeconds(5), Duration.ofMillis(10));
    }

    private TrialPlan plan(ScriptSettings settings, int trial, Duration duration) throws Exception {
        LoadProfile profile = profile(duration);
        return new TrialPlan(trial, URL, LoadDefinition.external(LoadTools.identity(settings, dir), profile),
                duration, null, progress::add);
    }

    private TrialRecording run(ScriptSettings settings, int trial, Duration duration) throws Exception {
        LoadTool tool = LoadTools.create(settings, profile(duration));
        try (ToolEngine engine = new ToolEngine(tool, dir.resolve("out"))) {
            return engine.run(plan(settings, trial, duration));
        }
    }
}
