package dev.perfgate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfgate.result.RunJson;
import dev.perfgate.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoExtension;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mojos with their pom configuration, through maven-plugin-testing-harness. */
@org.apache.maven.api.plugin.testing.MojoTest
class MojoTest {

    @TempDir
    Path dir;

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check/pom.xml")
    void checkFailsWithEveryViolationOnOneLine(CheckMojo mojo) throws Exception {
        Path runFile = dir.resolve("run.json");
        RunJson.write(runFile, TestRuns.run()
                .trials(3, "GET /search", TestRuns.req(TestRuns.constant(100, 300_000), 5)).build());
        configure(mojo, runFile, dir.resolve("no-baseline.json"));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("2 of 2 check(s) failed")
                .hasMessageContaining("p99 of GET /search is 300")
                .hasMessageContaining("but the maximum is 250 ms");
        assertThat(dir.resolve("out/result.md")).exists();
        assertThat(dir.resolve("out/result.json")).exists();
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check/pom.xml")
    void checkPassesWithinLimits(CheckMojo mojo) throws Exception {
        Path runFile = dir.resolve("run.json");
        RunJson.write(runFile, TestRuns.run()
                .trials(3, "GET /search", TestRuns.req(TestRuns.spread(100, 1_000, 20_000))).build());
        configure(mojo, runFile, dir.resolve("no-baseline.json"));
        java.util.List<String> info = new java.util.ArrayList<>();
        mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                info.add(content.toString());
            }
        });

        mojo.execute();

        assertThat(Files.readString(dir.resolve("out/result.json"))).contains("\"passed\" : true");
        assertThat(dir.resolve("out/index.html")).isNotEmptyFile();
        assertThat(info).last().isEqualTo("perfgate: HTML report: " + dir.resolve("out/index.html"));
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check/pom.xml")
    void checkWithoutRunDataFails(CheckMojo mojo) throws Exception {
        configure(mojo, dir.resolve("missing/run.json"), dir.resolve("no-baseline.json"));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("no usable run data")
                .hasMessageContaining("run.json does not exist");
        // result.json still tells CI why there is no verdict
        var result = RunJson.mapper().readTree(dir.resolve("out/result.json").toFile());
        assertThat(result.get("passed").asBoolean()).isFalse();
        assertThat(result.get("failureCategories").toString()).isEqualTo("[\"no-data\"]");
        assertThat(result.at("/runProblems/0/message").asText()).startsWith("no usable run data");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check/pom.xml")
    void checkWithUnparsableBaselineFailsNamingTheFile(CheckMojo mojo) throws Exception {
        Path runFile = dir.resolve("run.json");
        RunJson.write(runFile, TestRuns.run()
                .trials(3, "GET /search", TestRuns.req(TestRuns.constant(100, 1_000))).build());
        Path baseline = dir.resolve("baseline.json");
        Files.writeString(baseline, "{\"schemaVersion\": 99}");
        configure(mojo, runFile, baseline);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining(baseline.toString())
                .hasMessageContaining("schemaVersion 99")
                .hasMessageContaining("perfgate:baseline");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check/pom.xml")
    void checkWithoutGatesFails(CheckMojo mojo) throws Exception {
        Path runFile = dir.resolve("run.json");
        RunJson.write(runFile, TestRuns.run()
                .trials(3, "GET /search", TestRuns.req(TestRuns.constant(100, 1_000))).build());
        configure(mojo, runFile, dir.resolve("no-baseline.json"));
        MojoExtension.setVariableValueToObject(mojo, "gates", new java.util.ArrayList<>());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("no <gates> are configured");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check/pom.xml")
    void runFileDefaultsToTheOutputDirectory(CheckMojo mojo) throws Exception {
        Path out = dir.resolve("out");
        RunJson.write(out.resolve("run.json"), TestRuns.run()
                .trials(3, "GET /search", TestRuns.req(TestRuns.spread(100, 1_000, 20_000))).build());
        configure(mojo, null, dir.resolve("no-baseline.json"));

        mojo.execute();

        assertThat(out.resolve("result.json")).exists();
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check/pom.xml")
    void skipFlagSkips(CheckMojo mojo) throws Exception {
        configure(mojo, dir.resolve("missing/run.json"), dir.resolve("no-baseline.json"));
        MojoExtension.setVariableValueToObject(mojo, "skip", true);

        mojo.execute();

        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "run", pom = "src/test/resources/unit/run-bad-config/pom.xml")
    void runRejectsBadConfigurationBeforeAnyLoad(RunMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "outputDirectory", dir.resolve("out").toFile());

        // The load definition and the gates in one round: every problem at once.
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("perfgate: 3 configuration problems: ")
                .hasMessageContaining("<duration> is '10 parsecs'")
                .hasMessageContaining("gate 1")
                .hasMessageContaining("gate 2")
                .hasMessageContaining("latency");
        MojoExtension.setVariableValueToObject(mojo, "duration", "2s");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("perfgate: 2 configuration problems: gate 1");
        assertThat(dir.resolve("out/run.json")).doesNotExist();
        var result = RunJson.mapper().readTree(dir.resolve("out/result.json").toFile());
        assertThat(result.get("failureCategories").toString()).isEqualTo("[\"infrastructure\"]");
        assertThat(result.at("/runProblems/0/message").asText()).startsWith("2 configuration problems: gate 1");
    }

    @Test
    @InjectMojo(goal = "run", pom = "src/test/resources/unit/run-bad-config/pom.xml")
    void runRejectsRestartPerTrialWithoutAServiceBeforeAnyLoad(RunMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "outputDirectory", dir.resolve("out").toFile());
        MojoExtension.setVariableValueToObject(mojo, "duration", "2s");
        MojoExtension.setVariableValueToObject(mojo, "gates", new java.util.ArrayList<>());
        MojoExtension.setVariableValueToObject(mojo, "restartPerTrial", true);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("perfgate: restartPerTrial is true, but no <service> is configured")
                .hasMessageEndingWith("configure <service>, or set restartPerTrial to false")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(dir.resolve("out/run.json")).doesNotExist();

        MojoExtension.setVariableValueToObject(mojo, "restartPerTrial", false);
        MojoExtension.setVariableValueToObject(mojo, "maxTrials", 3);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("perfgate: maxTrials (3) is less than trials (5); set maxTrials to at least 5, or leave "
                        + "it out to run exactly the trials");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check/pom.xml")
    void checkRejectsBadDecisionSettingsAllAtOnce(CheckMojo mojo) throws Exception {
        configure(mojo, dir.resolve("missing/run.json"), dir.resolve("no-baseline.json"));
        MojoExtension.setVariableValueToObject(mojo, "inconclusive", "maybe");
        MojoExtension.setVariableValueToObject(mojo, "onEnvironmentMismatch", "ignore");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("perfgate: 2 configuration problems: <inconclusive> is 'maybe'; use warn, fail or extend; "
                        + "<onEnvironmentMismatch> is 'ignore'; use skip, warn or fail");
        MojoExtension.setVariableValueToObject(mojo, "inconclusive", "warn");
        MojoExtension.setVariableValueToObject(mojo, "onEnvironmentMismatch", "skip");
        MojoExtension.setVariableValueToObject(mojo, "alpha", 0.7);
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("alpha 0.7 is not between 0 and 0.5");
    }

    @Test
    @InjectMojo(goal = "check", pom = "src/test/resources/unit/check/pom.xml")
    void inconclusiveWarnsByDefaultAndFailsWhenAskedTo(CheckMojo mojo) throws Exception {
        Path runFile = dir.resolve("run.json");
        RunJson.write(runFile, TestRuns.run()
                .trials(3, "GET /search", TestRuns.req(TestRuns.constant(100, 1_000))).build());
        Path baseline = dir.resolve("baseline.json");
        RunJson.write(baseline, TestRuns.run()
                .trials(3, "GET /search", TestRuns.req(TestRuns.constant(100, 1_000))).build().asBaseline());
        configure(mojo, runFile, baseline);
        java.util.List<GateParameter> gates = new java.util.ArrayList<>();
        GateParameter regression = new GateParameter();
        MojoExtension.setVariableValueToObject(regression, "metric", "p50");
        MojoExtension.setVariableValueToObject(regression, "maxRegression", "10%");
        gates.add(regression);
        MojoExtension.setVariableValueToObject(mojo, "gates", gates);

        mojo.execute(); // 3 against 3 trials cannot decide: a warning
        assertThat(Files.readString(dir.resolve("out/result.json"))).contains("\"status\" : \"inconclusive\"")
                .contains("\"inconclusiveReason\" : \"too-few-trials\"");

        MojoExtension.setVariableValueToObject(mojo, "inconclusive", "fail");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 of 1 check(s) failed: p50 of all requests is inconclusive against the "
                        + "maximum regression of 10 %: too few trials");
    }

    @Test
    @InjectMojo(goal = "run", pom = "src/test/resources/unit/run-bad-config/pom.xml")
    void extendNeedsACapAboveTheTrials(RunMojo mojo) throws Exception {
        MojoExtension.setVariableValueToObject(mojo, "outputDirectory", dir.resolve("out").toFile());
        MojoExtension.setVariableValueToObject(mojo, "duration", "2s");
        MojoExtension.setVariableValueToObject(mojo, "gates", new java.util.ArrayList<>());
        MojoExtension.setVariableValueToObject(mojo, "inconclusive", "extend");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("perfgate: <inconclusive>extend</inconclusive> needs <maxTrials> above <trials> (5), e.g. "
                        + "<maxTrials>10</maxTrials>");
        assertThat(dir.resolve("out/run.json")).doesNotExist();
    }

    @Test
    @InjectMojo(goal = "profile", pom = "src/test/resources/unit/profile/pom.xml")
    void profileAnalysesARecordingFromOutsideThePlugin(ProfileMojo mojo) throws Exception {
        Path recording = dir.resolve("app.jfr");
        try (jdk.jfr.Recording r = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
            r.start();
            long end = System.nanoTime() + 1_500_000_000L;
            double x = 0;
            while (System.nanoTime() < end) {
                x += Math.sqrt(x + 1);
            }
            assertThat(x).isPositive();
            r.stop();
            r.dump(recording);
        }
        MojoExtension.setVariableValueToObject(mojo, "jfr", recording.toFile());
        MojoExtension.setVariableValueToObject(mojo, "baselineJfr", recording.toFile());
        MojoExtension.setVariableValueToObject(mojo, "outputDirectory", dir.resolve("out").toFile());

        mojo.execute();

        String json = Files.readString(dir.resolve("out/profile.json"));
        assertThat(json).contains("\"javaSamples\"").contains("\"selfTop\"");
        assertThat(RunJson.mapper().readTree(json).get("javaSamples").asLong()).isPositive();
        // JDK Mission Control's health report beside the summary: the rules ran, whatever they found
        assertThat(RunJson.mapper().readTree(json).at("/health/rulesEvaluated").asInt()).isPositive();
        assertThat(dir.resolve("out/flame-cpu.html")).exists();
        for (String name : dev.perfgate.profile.ProfileFiles.NAMES) {
            assertThat(dir.resolve("out").resolve(name)).isNotEmptyFile();
        }
        // the recording against itself: every frame's share unchanged
        assertThat(Files.readString(dir.resolve("out/flame-diff.html"))).contains("const maxdiff = 0;");
        MojoExtension.setVariableValueToObject(mojo, "baselineJfr", null);
        mojo.execute();
        assertThat(dir.resolve("out/flame-diff.html")).as("not left from the comparison before").doesNotExist();

        MojoExtension.setVariableValueToObject(mojo, "jfr", dir.resolve("missing.jfr").toFile());
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("perfgate: perfgate.jfr names no readable file")
                .hasMessageEndingWith("give a JFR recording: mvn perfgate:profile -Dperfgate.jfr=app.jfr");
        Path notJfr = dir.resolve("not.jfr");
        Files.writeString(notJfr, "hello");
        MojoExtension.setVariableValueToObject(mojo, "jfr", notJfr.toFile());
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("is not a readable JFR recording");

        MojoExtension.setVariableValueToObject(mojo, "jfr", recording.toFile());
        MojoExtension.setVariableValueToObject(mojo, "health", "loud");
        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("perfgate: perfgate.health is 'loud'; use warning (the default), info or off");
    }

    private void configure(CheckMojo mojo, Path runFile, Path baseline) throws IllegalAccessException {
        MojoExtension.setVariableValueToObject(mojo, "runFile", runFile == null ? null : runFile.toFile());
        MojoExtension.setVariableValueToObject(mojo, "baselineFile", baseline.toFile());
        MojoExtension.setVariableValueToObject(mojo, "outputDirectory", dir.resolve("out").toFile());
        MojoExtension.setVariableValueToObject(mojo, "junitDirectory", dir.resolve("junit").toFile());
    }
}
