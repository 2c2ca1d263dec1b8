package dev.perfgate.load.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.load.LoadConfigException;
import dev.perfgate.load.LoadDefinition;
import dev.perfgate.load.LoadException;
import dev.perfgate.load.LoadProfile;
import dev.perfgate.load.TrialPlan;
import dev.perfgate.measure.ErrorKind;
import dev.perfgate.measure.TrialRecording;
import dev.perfgate.result.LoadModel;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMeter's command line and home, and a run through {@link ToolEngine} with an installed-JMeter launcher stand-in.
 * A real JMeter 5.6.3 run from its Maven Central jars is the invoker IT jmeter-quickstart (the jars are resolved
 * by Maven's resolver there); the JTL importer is tested on a real run's file in JtlImporterTest.
 */
class JMeterToolTest {
    private static final LoadProfile PROFILE = new LoadProfile(LoadModel.CLOSED, 25, Duration.ofMillis(1500),
            Duration.ofSeconds(3), Duration.ofSeconds(2), 3, 4, Duration.ofSeconds(5), Duration.ofMillis(10));

    @TempDir
    Path dir;

    @Test
    void commandRunsNewDriverFromTheJarsWithPerfgatesProperties() throws Exception {
        Path config = configJar(dir.resolve("repo/ApacheJMeter_config-5.6.3.jar"));
        Path core = Files.createFile(dir.resolve("repo/ApacheJMeter_core-5.6.3.jar"));
        ScriptSettings settings = settings(List.of(), List.of(core, config));
        Path trial = Files.createDirectories(dir.resolve("out/tool-trial-2"));

        List<String> argv = new JMeterTool(settings, PROFILE).command(plan(2, "http://127.0.0.1:8123"), trial).argv();

        Path home = dir.resolve("out/jmeter-home").toAbsolutePath();
        assertThat(argv.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(argv.subList(1, 7)).containsExactly("-Xmx512m", "-Djava.awt.headless=true",
                "-Djmeter.home=" + home, "@" + trial.resolve("jmeter-classpath.args").toAbsolutePath(),
                JMeterTool.MAIN_CLASS, "-d");
        assertThat(argv).containsSubsequence("-n", "-t", dir.resolve("plan.jmx").toAbsolutePath().toString(),
                "-l", trial.resolve("results.jtl").toAbsolutePath().toString(),
                "-j", trial.resolve("jmeter.log").toAbsolutePath().toString());
        assertThat(argv).contains("-Jjmeter.save.saveservice.output_format=csv",
                "-Jjmeter.save.saveservice.print_field_names=true", "-Jjmeterengine.nongui.port=0",
                "-Jperfgate.baseUrl=http://127.0.0.1:8123", "-Jperfgate.host=127.0.0.1", "-Jperfgate.port=8123",
                "-Jperfgate.protocol=http", "-Jperfgate.duration=3", "-Jperfgate.users=4", "-Jperfgate.rate=25",
                "-Jperfgate.rampUp=2", "-Jperfgate.trial=2");
        // the user's properties go to a file, not the command line (JMeter logs -J values), then their own args
        assertThat(argv).doesNotContain("-Japi.password=s3cret").endsWith("-q",
                trial.resolve("script.properties").toAbsolutePath().toString(),
                "-G" + trial.resolve("script.properties").toAbsolutePath(), "-R", "gen1");
        assertThat(Files.readString(trial.resolve("script.properties"))).contains("api.password=s3cret");
        // -R: the remote engines read the plan's properties, and see global (-G) ones only
        assertThat(argv).contains("-Gperfgate.host=127.0.0.1", "-Gperfgate.users=4",
                "-G" + trial.resolve("script.properties").toAbsolutePath());
        assertThat(Files.readString(trial.resolve("jmeter-classpath.args")).strip()).isEqualTo("-cp \""
                + core.toAbsolutePath() + java.io.File.pathSeparator + config.toAbsolutePath() + "\"");
        assertThat(home.resolve("bin/jmeter.properties")).hasContent("# JMeter's own");
        assertThat(home.resolve("lib/ext")).isDirectory();
    }

    @Test
    void scriptPropertiesFileIsForItsOwnerOnly() throws Exception {
        Path config = configJar(dir.resolve("repo/ApacheJMeter_config-5.6.3.jar"));
        Path trial = Files.createDirectories(dir.resolve("out/tool-trial-1"));
        new JMeterTool(settings(List.of(), List.of(config)), PROFILE).command(plan(1, "http://127.0.0.1:1"), trial);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trial.resolve("script.properties"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theHomeIsUnpackedOnceForTheSameConfigJar() throws Exception {
        Path config = configJar(dir.resolve("repo/ApacheJMeter_config-5.6.3.jar"));
        JMeterTool tool = new JMeterTool(settings(List.of(), List.of(config)), PROFILE);
        Path home = tool.prepareHome(dir.resolve("out/jmeter-home"));
        Files.writeString(home.resolve("bin/jmeter.properties"), "edited");

        tool.prepareHome(dir.resolve("out/jmeter-home"));

        assertThat(home.resolve("bin/jmeter.properties")).hasContent("edited");
    }

    @Test
    void anotherCommandReplacesJavaAndItsHeap() throws Exception {
        Path config = configJar(dir.resolve("repo/ApacheJMeter_config-5.6.3.jar"));
        ScriptSettings settings = settings(List.of("/opt/jdk21/bin/java", "-Xmx2g"), List.of(config));
        Path trial = Files.createDirectories(dir.resolve("out/tool-trial-1"));

        List<String> argv = new JMeterTool(settings, PROFILE).command(plan(1, "https://example.test"), trial).argv();

        assertThat(argv.subList(0, 3)).containsExactly("/opt/jdk21/bin/java", "-Xmx2g", "-Djava.awt.headless=true");
        assertThat(argv).doesNotContain("-Xmx512m").contains("-Jperfgate.port=443", "-Jperfgate.protocol=https");
    }

    @Test
    void withoutJarsNorAnInstalledJMeterTheConfigurationIsRefused() throws Exception {
        ScriptSettings settings = settings(List.of(), List.of());

        assertThatThrownBy(() -> LoadTools.create(settings, PROFILE))
                .isInstanceOf(LoadConfigException.class)
                .hasMessageContaining("JMeter's jars were not resolved")
                .hasMessageContaining("<scriptCommand>");
    }

    @Test
    void aJarListWithoutTheConfigArtifactSaysSo() throws Exception {
        Path core = Files.createFile(dir.resolve("ApacheJMeter_core-5.6.3.jar"));
        JMeterTool tool = new JMeterTool(settings(List.of(), List.of(core)), PROFILE);

        assertThatThrownBy(() -> tool.command(plan(1, "http://127.0.0.1:1"), Files.createDirectories(dir.resolve("t"))))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("lacks ApacheJMeter_config");
    }

    @Test
    void anInstalledJMetersLauncherRunsThroughTheEngineAndItsJtlIsImported() throws Exception {
        // stands in for an installation's bin/jmeter: writes a real run's JTL where -l says, records its arguments
        Path launcher = script("jmeter", """
                #!/bin/sh
                printf '%%s ' "$@" > "$(dirname "$0")/args.txt"
                while [ $# -gt 0 ]; do
                  if [ "$1" = "-l" ]; then cp "%s" "$2"; fi
                  shift
                done
                echo "... end of run"
                """.formatted(Path.of("src/test/resources/imports/jmeter-5.6.3.csv.jtl").toAbsolutePath()));
        ScriptSettings settings = settings(List.of(launcher.toString()), List.of());

        TrialRecording trial = run(settings);

        assertThat(trial.byRequest().get("GET /search").requests()).isEqualTo(6);
        assertThat(trial.byRequest().get("GET /missing").errors()).containsEntry(ErrorKind.STATUS, 6L);
        assertThat(trial.warnings()).anySatisfy(w -> assertThat(w).contains("checkout (6)"));
        assertThat(Files.readString(dir.resolve("args.txt"))).startsWith("-n -t ").contains("-Jperfgate.users=4")
                .doesNotContain("NewDriver");
    }

    @Test
    void aPlanJMeterCannotRunFailsTheTrialWithItsOutput() throws Exception {
        Path launcher = script("jmeter", """
                #!/bin/sh
                echo "An error occurred: Error in NonGUIDriver Problem loading XML from:'plan.jmx'"
                exit 1
                """);

        assertThatThrownBy(() -> run(settings(List.of(launcher.toString()), List.of())))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("JMeter failed in trial 1 with exit code 1")
                .hasMessageContaining("Error in NonGUIDriver");
    }

    @Test
    void aJtlWithoutSamplesPointsAtTheThreadGroupAndQuotesJMetersError() throws Exception {
        Path trial = Files.createDirectories(dir.resolve("t"));
        Files.writeString(trial.resolve("results.jtl"), "timeStamp,elapsed,label,responseCode,success\n");
        Files.writeString(trial.resolve("jmeter.log"), "2026-01-01 10:00:00,000 INFO o.a.j.JMeter: fine\n"
                + "2026-01-01 10:00:01,000 ERROR o.a.j.JMeter: Error in NonGUIDriver boom\n");
        JMeterTool tool = new JMeterTool(settings(List.of(), List.of()), PROFILE);

        assertThatThrownBy(() -> tool.read(plan(1, "http://127.0.0.1:1"), trial))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("holds no samples")
                .hasMessageContaining("ERROR o.a.j.JMeter: Error in NonGUIDriver boom")
                .hasMessageContaining("${__P(perfgate.users)}");
    }

    @Test
    void launcherIsRecognisedByItsProgramName() {
        assertThat(JMeterTool.isJMeterLauncher(List.of("/opt/apache-jmeter-5.6.3/bin/jmeter"))).isTrue();
        assertThat(JMeterTool.isJMeterLauncher(List.of("C:\\jmeter\\bin\\jmeter.bat"))).isTrue();
        assertThat(JMeterTool.isJMeterLauncher(List.of("/usr/bin/java", "-Xmx1g"))).isFalse();
        assertThat(JMeterTool.isJMeterLauncher(List.of())).isFalse();
        assertThat(JMeterTool.quote("C:\\a b\\\"x\"")).isEqualTo("\"C:\\\\a b\\\\\\\"x\\\"\"");
    }

    private TrialRecording run(ScriptSettings settings) throws Exception {
        LoadTool tool = LoadTools.create(settings, PROFILE);
        try (ToolEngine engine = new ToolEngine(tool, dir.resolve("out"))) {
            return engine.run(plan(1, "http://127.0.0.1:8123"));
        }
    }

    private TrialPlan plan(int trial, String url) throws Exception {
        ScriptSettings settings = settings(List.of(), List.of());
        LoadDefinition load = LoadDefinition.external(LoadTools.identity(settings, dir), PROFILE);
        return new TrialPlan(trial, URI.create(url), load, Duration.ofSeconds(3), null, null);
    }

    private ScriptSettings settings(List<String> command, List<Path> classpath) throws IOException {
        Path plan = dir.resolve("plan.jmx");
        if (!Files.exists(plan)) {
            Files.writeString(plan, "<jmeterTestPlan/>");
        }
        return new ScriptSettings(plan, null, command, List.of("-R", "gen1"), Map.of("api.password", "s3cret"), 0,
                classpath);
    }

    private Path script(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        file.toFile().setExecutable(true);
        return file;
    }

    private static Path configJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
            zip.write("Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("bin/"));
            zip.putNextEntry(new ZipEntry("bin/jmeter.properties"));
            zip.write("# JMeter's own".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("bin/saveservice.properties"));
            zip.write("_version=5.6.3".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }
}
