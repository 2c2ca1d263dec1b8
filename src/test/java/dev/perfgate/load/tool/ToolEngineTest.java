package dev.perfgate.load.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.imports.ImportedResults;
import dev.perfgate.imports.ResultFileException;
import dev.perfgate.load.ExternalLoad;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.LoadModel;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's contract with any tool, with real processes: a small shell "tool" that writes "name micros [error]"
 * lines, so every way a tool can fail is exercised without depending on one tool's quirks.
 */
@Tag("slow")
class ToolEngineTest {
    private static final LoadProfile PROFILE = new LoadProfile(LoadModel.CLOSED, 10, Duration.ZERO,
            Duration.ofSeconds(1), Duration.ZERO, 1, 1, Duration.ofSeconds(1), Duration.ofMillis(10));

    @TempDir
    Path dir;

    @Test
    void importsWhatTheToolWroteAndTellsTheScriptWhereTheServiceIs() throws Exception {
        TrialRecording trial = run(new ShellTool("""
                echo "GET /a 1500" > results.txt
                echo "GET /a 2500 status" >> results.txt
                echo "$PERFGATE_BASE_URL $PERFGATE_DURATION $PERFGATE_TRIAL" > seen.txt
                """), 2);

        assertThat(trial.byRequest().get("GET /a").requests()).isEqualTo(2);
        assertThat(trial.byRequest().get("GET /a").errors()).containsEntry(ErrorKind.STATUS, 1L);
        assertThat(trial.trial()).isEqualTo(2);
        assertThat(trial.model()).isEqualTo(LoadModel.CLOSED);
        assertThat(Files.readString(dir.resolve("out/tool-trial-2/seen.txt")))
                .isEqualTo("http://127.0.0.1:9/ 1 2\n");
    }

    @Test
    void aFailingToolFailsTheTrialWithItsLastOutput() {
        assertThatThrownBy(() -> run(new ShellTool("echo 'cannot parse plan.jmx: line 3'; exit 3"), 1))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("sh-tool failed in trial 1 with exit code 3")
                .hasMessageContaining("its last output: cannot parse plan.jmx: line 3");
    }

    @Test
    void aToolThatOverrunsIsStoppedAndFailsTheTrial() throws Exception {
        long begin = System.nanoTime();
        assertThatThrownBy(() -> run(new ShellTool("echo $$ > pid.txt; echo started; exec sleep 600"), 1))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("sh-tool did not finish trial 1 within")
                .hasMessageContaining("it was stopped; its last output: started");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(60));
        long pid = Long.parseLong(Files.readString(dir.resolve("out/tool-trial-1/pid.txt")).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void noRequestsIsAFailureNotAPass() {
        assertThatThrownBy(() -> run(new ShellTool(": > results.txt; echo 'all users stopped'"), 1))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("sh-tool measured no requests in trial 1; its last output: all users stopped");
    }

    @Test
    void noResultFileIsAFailureSayingSo() {
        assertThatThrownBy(() -> run(new ShellTool("echo done"), 0))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("sh-tool wrote no results in the warm-up");
    }

    @Test
    void aMalformedResultFileIsNamedWithItsLine() {
        assertThatThrownBy(() -> run(new ShellTool("printf 'GET /a 10\\nGET /a ten\\n' > results.txt"), 1))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("sh-tool wrote a result file perfgate cannot read in trial 1")
                .hasMessageContaining("results.txt:2: 'ten' is not a number of microseconds");
    }

    @Test
    void companionsAreStoppedWhenTheToolEnds() throws Exception {
        ShellTool tool = new ShellTool("sleep 1; echo 'GET /a 10' > results.txt") {
            @Override
            public ToolCommand command(TrialPlan plan, Path directory) {
                ToolCommand main = super.command(plan, directory);
                return new ToolCommand(main.argv(), main.environment(), null,
                        List.of(List.of("sh", "-c", "echo $$ > companion.pid; exec sleep 600")));
            }
        };
        run(tool, 1);
        long pid = Long.parseLong(Files.readString(dir.resolve("out/tool-trial-1/companion.pid")).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void filesThatHandTheToolSecretsAreGoneWhenItEnds() throws Exception {
        run(withSecretFile("cat props.txt > seen.txt; echo 'GET /a 10' > results.txt"), 1);
        assertThat(Files.readString(dir.resolve("out/tool-trial-1/seen.txt"))).isEqualTo("api.password=s3cret");
        assertThat(dir.resolve("out/tool-trial-1/props.txt")).doesNotExist();
        // also when the tool fails
        assertThatThrownBy(() -> run(withSecretFile("exit 3"), 2)).isInstanceOf(LoadException.class);
        assertThat(dir.resolve("out/tool-trial-2/props.txt")).doesNotExist();
    }

    /** A tool handed a secret in props.txt, as JMeter gets its script properties. */
    private static ShellTool withSecretFile(String script) {
        return new ShellTool(script) {
            @Override
            public ToolCommand command(TrialPlan plan, Path directory) {
                try {
                    Files.writeString(directory.resolve("props.txt"), "api.password=s3cret");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return super.command(plan, directory);
            }

            @Override
            public List<String> secretFiles() {
                return List.of("props.txt");
            }
        };
    }

    @Test
    void aToolThatCannotStartSaysHowToInstallIt() {
        ShellTool missing = new ShellTool("") {
            @Override
            public ToolCommand command(TrialPlan plan, Path directory) {
                return new ToolCommand(List.of("/nonexistent/sh-tool"), Map.of());
            }
        };
        assertThatThrownBy(() -> run(missing, 1))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("sh-tool could not be started for trial 1 (/nonexistent/sh-tool")
                .hasMessageContaining("install sh-tool");
    }

    private TrialRecording run(LoadTool tool, int trial) throws LoadException {
        LoadDefinition load = LoadDefinition.external(new ExternalLoad("sh", "inline", null, Map.of()), PROFILE);
        try (ToolEngine engine = new ToolEngine(tool, dir.resolve("out"), Duration.ofSeconds(2))) {
            return engine.run(new TrialPlan(trial, URI.create("http://127.0.0.1:9/"), load, Duration.ofSeconds(1),
                    null, line -> { }));
        }
    }

    /** A "load tool" in a few lines of shell: it writes results.txt, one "name micros [errorkind]" per request. */
    private static class ShellTool implements LoadTool {
        private final String script;

        ShellTool(String script) {
            this.script = script;
        }

        @Override
        public String name() {
            return "sh-tool";
        }

        @Override
        public LoadModel model() {
            return LoadModel.CLOSED;
        }

        @Override
        public String timing() {
            return "are the shell's";
        }

        @Override
        public ToolCommand command(TrialPlan plan, Path directory) {
            return new ToolCommand(List.of("sh", "-c", script), ToolEnvironment.of(plan, PROFILE));
        }

        @Override
        public boolean completed(int exitCode) {
            return exitCode == 0;
        }

        @Override
        public ImportedResults read(TrialPlan plan, Path directory) throws IOException {
            Path file = directory.resolve("results.txt");
            List<String> lines = Files.readAllLines(file);
            ImportedResults results = new ImportedResults();
            for (int i = 0; i < lines.size(); i++) {
                String[] f = lines.get(i).split(" ");
                long micros;
                try {
                    micros = Long.parseLong(f[2]);
                } catch (NumberFormatException e) {
                    throw new ResultFileException(file, i + 1, "'" + f[2] + "' is not a number of microseconds");
                }
                results.record(f[0] + " " + f[1], micros, f.length > 3 ? ErrorKind.valueOf(f[3].toUpperCase()) : null);
            }
            return results;
        }

        @Override
        public String installHint() {
            return "install sh-tool";
        }
    }
}
