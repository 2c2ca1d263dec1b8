package dev.perfgate.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.perfgate.testing.TestApps;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchCommandTest {
    private static final Path JAVA = Path.of("/jdk/bin/java");

    @TempDir
    Path dir;

    @Test
    void jarLaunchPutsOurOptionsBeforeTheUsersAndResolvesThePort() throws Exception {
        ServiceSpec spec = ServiceSpec.jar(Path.of("app.jar")).javaExecutable(JAVA)
                .jvmArgs("-Xmx256m", "-Dserver.port=${perfgate.port}")
                .args("--port", "${perfgate.port}")
                .env("SERVER_PORT", "${perfgate.port}")
                .build();
        LaunchCommand command = LaunchCommand.build(spec, 8123, null, dir);
        assertThat(command.argv()).containsExactly("/jdk/bin/java", "-Dperfgate.port=8123", "-Xmx256m",
                "-Dserver.port=8123", "-jar", "app.jar", "--port", "8123");
        assertThat(command.environment()).containsEntry("SERVER_PORT", "8123").containsEntry("PERFGATE_PORT", "8123");
        assertThat(command.argFile()).isNull();
        assertThat(command.jfrFile()).isNull();
    }

    @Test
    void mainClassLaunchUsesTheClasspath() throws Exception {
        ServiceSpec spec = ServiceSpec.mainClass("com.example.Main", List.of(Path.of("a.jar"), Path.of("classes")))
                .javaExecutable(JAVA).args("x").build();
        LaunchCommand command = LaunchCommand.build(spec, 9000, null, dir);
        assertThat(command.argv()).containsExactly("/jdk/bin/java", "-Dperfgate.port=9000", "-cp",
                "a.jar" + File.pathSeparator + "classes", "com.example.Main", "x");
    }

    @Test
    void commandRunsAsIsWithoutJvmOptionsOrJfr() throws Exception {
        ServiceSpec spec = ServiceSpec.command(List.of("./start.sh", "--port=${perfgate.port}"))
                .javaExecutable(JAVA).jvmArgs("-Xmx1g").args("extra")
                .jfr(JfrOptions.profile(dir)).build();
        LaunchCommand command = LaunchCommand.build(spec, 8123, dir.resolve("x.jfr"), dir);
        assertThat(command.argv()).containsExactly("./start.sh", "--port=8123", "extra");
        assertThat(command.environment()).isEqualTo(Map.of("PERFGATE_PORT", "8123"));
        assertThat(command.jfrFile()).isNull();
    }

    @Test
    void jfrOptionsAreAddedForJvmLaunches() throws Exception {
        Path jfr = dir.resolve("service-1.jfr");
        ServiceSpec spec = ServiceSpec.jar(Path.of("app.jar")).javaExecutable(JAVA).jvmArgs("-Xmx256m")
                .jfr(new JfrOptions(true, "default", List.of("path-to-gc-roots=true"), dir)).build();
        LaunchCommand command = LaunchCommand.build(spec, 8123, jfr, dir);
        assertThat(command.argv()).containsExactly("/jdk/bin/java", "-Dperfgate.port=8123",
                "-XX:StartFlightRecording=name=perfgate,settings=default,filename=" + jfr.toAbsolutePath()
                        + ",dumponexit=true,maxsize=0,maxage=0,jdk.InitialEnvironmentVariable#enabled=false,"
                        + "jdk.InitialSystemProperty#enabled=false,jdk.SystemProcess#enabled=false,"
                        + "path-to-gc-roots=true",
                "-XX:FlightRecorderOptions=stackdepth=128", "-Xlog:jfr+startup=error",
                "-Xmx256m", "-jar", "app.jar");
        assertThat(command.jfrFile()).isEqualTo(jfr.toAbsolutePath());
    }

    @Test
    void jfrOptionsAreValidated() throws Exception {
        // a .jfc given relative to the build's directory reaches the service (other working directory) absolute
        Path jfc = java.nio.file.Files.writeString(dir.resolve("my.jfc"), "<configuration/>");
        String relative = Path.of("").toAbsolutePath().relativize(jfc).toString();
        assertThat(new JfrOptions(true, relative, null, dir).jvmArgs(dir.resolve("r.jfr")).get(0))
                .contains("settings=" + jfc.toAbsolutePath().normalize() + ",");
        assertThat(JfrOptions.disabled().jvmArgs(dir.resolve("r.jfr"))).isEmpty();
        assertThatThrownBy(() -> new JfrOptions(true, "a,b", null, dir)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JfrOptions(true, null, List.of("x=1,y=2"), dir))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void longClasspathGoesIntoAnArgFile() throws Exception {
        List<Path> classpath = List.of(Path.of("/a dir/x.jar"), Path.of("C:\\win\\y.jar"));
        ServiceSpec spec = ServiceSpec.mainClass("com.example.Main", classpath).javaExecutable(JAVA).build();
        LaunchCommand command = LaunchCommand.build(spec, 8123, null, dir, 10);
        assertThat(command.argFile()).isNotNull().startsWith(dir);
        assertThat(command.argv()).containsExactly("/jdk/bin/java", "-Dperfgate.port=8123",
                "@" + command.argFile().toAbsolutePath(), "com.example.Main");
        assertThat(Files.readAllLines(command.argFile())).containsExactly("-cp",
                "\"/a dir/x.jar" + File.pathSeparator + "C:\\\\win\\\\y.jar\"");
    }

    /** The argfile really works with the java launcher, spaces and all. */
    @Test
    void longClasspathLaunchesForReal() throws Exception {
        List<Path> classpath = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            classpath.add(dir.resolve("no such dir").resolve("missing-library-" + i + ".jar"));
        }
        classpath.addAll(TestApps.testClasspath());
        ServiceSpec spec = ServiceSpec.mainClass(dev.perfgate.testing.apps.Boom.class.getName(), classpath)
                .logFile(dir.resolve("boom.log")).build();
        try (ServiceProcess service = ServiceProcess.start(spec)) {
            assertThat(service.command().argFile()).isNotNull();
            assertThat(TestApps.eventually(java.time.Duration.ofSeconds(60), () -> !service.isAlive())).isTrue();
            assertThat(service.lastLogLines(5)).contains("boom");
        }
    }
}
