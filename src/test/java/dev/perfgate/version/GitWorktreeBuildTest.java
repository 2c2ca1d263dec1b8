package dev.perfgate.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real git, real Maven: a tiny project committed twice in a repository made here, its older commit built in a
 * worktree. About 25 s on a 2-core machine (each Maven build of the tiny project takes 5-8 s).
 */
@Tag("slow")
class GitWorktreeBuildTest {
    private static final Path HOME = Path.of(System.getProperty("user.home"));
    private static final String HDR = "org/hdrhistogram/HdrHistogram/2.2.2/HdrHistogram-2.2.2.jar";
    private static Path mvn;

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() throws Exception {
        assumeTrue(run(Path.of("."), "git", "--version").startsWith("git version"), "git is not installed");
        mvn = findMaven().orElse(null);
        assumeTrue(mvn != null, "no Maven found: set MAVEN_HOME, or run the build once with ./mvnw so its "
                + "distribution is under ~/.m2/wrapper");
    }

    /** The Maven running the build when surefire passes it on, else MAVEN_HOME, the wrapper's, or the system's. */
    private static Optional<Path> findMaven() throws IOException {
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(System.getProperty("maven.home")).map(Path::of).ifPresent(homes::add);
        Optional.ofNullable(System.getenv("MAVEN_HOME")).map(Path::of).ifPresent(homes::add);
        Path dists = HOME.resolve(".m2/wrapper/dists");
        if (Files.isDirectory(dists)) {
            try (Stream<Path> found = Files.find(dists, 3, (p, a) -> p.getFileName().toString().equals("bin"))) {
                found.map(Path::getParent).sorted().forEach(homes::add);
            }
        }
        homes.add(Path.of("/usr/share/maven"));
        return homes.stream().map(MavenCommand::executable).filter(Files::isExecutable).findFirst();
    }

    /**
     * Offline when what the build needs is in the local repository (so the test never waits on the network);
     * online otherwise, to fetch it once (a fresh machine's first run).
     */
    private static MavenCommand maven() {
        boolean cached = Files.isRegularFile(HOME.resolve(".m2/repository/org/apache/maven/plugins/"
                + "maven-dependency-plugin/3.8.1/maven-dependency-plugin-3.8.1.jar"))
                && Files.isRegularFile(HOME.resolve(".m2/repository/" + HDR));
        return new MavenCommand(mvn, cached ? List.of("-o") : List.of(),
                Map.of("JAVA_HOME", System.getProperty("java.home")));
    }

    private static String pom(String artifactId, String packaging, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0-SNAPSHOT</version>
                  <packaging>%s</packaging>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  %s
                  <build>
                    <plugins>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(artifactId, packaging, body);
    }

    private static final String SERVICE_POM = pom("demo-service", "jar", """
            <dependencies>
              <dependency><groupId>org.hdrhistogram</groupId><artifactId>HdrHistogram</artifactId><version>2.2.2</version></dependency>
            </dependencies>""");

    private static String main(String marker) {
        return "package demo;\npublic class Main {\n    public static void main(String[] args) {\n"
                + "        System.out.println(\"" + marker + "\");\n    }\n}\n";
    }

    /** A repository with {@code module} (empty: the root) holding the service; marker-1, then marker-2. */
    private Path repository(String module, String rootPom) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        git(repo, "init", "-q");
        Path project = repo.resolve(module);
        if (rootPom != null) {
            Files.writeString(repo.resolve("pom.xml"), rootPom);
        }
        Files.writeString(Files.createDirectories(project).resolve("pom.xml"), SERVICE_POM);
        Files.writeString(repo.resolve(".gitignore"), "target/\n");
        commitMain(repo, project, "marker-1");
        commitMain(repo, project, "marker-2");
        return project;
    }

    private static void commitMain(Path repo, Path project, String source) throws Exception {
        Path main = Files.createDirectories(project.resolve("src/main/java/demo")).resolve("Main.java");
        Files.writeString(main, source.startsWith("marker-") ? main(source) : source);
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "commit " + source.length());
    }

    private GitWorktreeBuild builder(Path project) {
        return new GitWorktreeBuild(project, project.resolve("target/perfgate/baseline-src"),
                project.resolve("target/perfgate/baseline-build.log"), maven(), Duration.ofMinutes(10), null);
    }

    @Test
    void buildsTheOlderCommitOfAModuleInAWorktreeAndReusesIt() throws Exception {
        String rootPom = pom("demo-root", "pom", "<modules><module>service</module></modules>");
        Path project = repository("service", rootPom);
        Path repo = project.getParent();
        String first = git(repo, "rev-parse", "HEAD~1");
        GitWorktreeBuild build = builder(project);

        long started = System.nanoTime();
        BaselineVersion version = build.build("HEAD~1");
        long firstMillis = (System.nanoTime() - started) / 1_000_000;

        Path worktree = project.resolve("target/perfgate/baseline-src");
        assertThat(version.commit()).isEqualTo(first);
        assertThat(version.description()).isEqualTo("git " + first.substring(0, 7) + " (HEAD~1)");
        assertThat(version.moduleDirectory()).isEqualTo(worktree.resolve("service"));
        assertThat(version.classes()).isEqualTo(worktree.resolve("service/target/classes"));
        assertThat(version.runtimeClasspath()).hasSize(1);
        assertThat(version.runtimeClasspath().get(0).toString()).endsWith("HdrHistogram-2.2.2.jar");
        assertThat(runMain(version)).isEqualTo("marker-1");
        assertThat(worktree.resolve("service/target/demo-service-1.0-SNAPSHOT.jar")).isRegularFile();
        // the candidate's own checkout is untouched
        assertThat(Files.readString(project.resolve("src/main/java/demo/Main.java"))).contains("marker-2");

        // Second run of the day: same commit, no Maven (it would write the log).
        Path log = project.resolve("target/perfgate/baseline-build.log");
        assertThat(log).isRegularFile();
        Files.delete(log);
        started = System.nanoTime();
        BaselineVersion again = build.build(first.substring(0, 10));
        long againMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(again.commit()).isEqualTo(first);
        assertThat(again.runtimeClasspath()).isEqualTo(version.runtimeClasspath());
        assertThat(log).doesNotExist();
        System.out.printf("GitWorktreeBuildTest: first build %d ms, reuse %d ms%n", firstMillis, againMillis);

        // Another commit replaces the worktree.
        BaselineVersion head = build.build("HEAD");
        assertThat(head.commit()).isEqualTo(git(repo, "rev-parse", "HEAD"));
        assertThat(runMain(head)).isEqualTo("marker-2");
    }

    @Test
    void aFailedBuildIsAnErrorWithTheLogTailAndTheCommandAfterMavenCleanDeletedTheWorktree() throws Exception {
        Path project = repository("", null);
        commitMain(project, project, "package demo;\npublic class Main { this does not compile }\n");
        GitWorktreeBuild build = builder(project);
        BaselineVersion ok = build.build("HEAD~1");
        assertThat(runMain(ok)).isEqualTo("marker-2");

        // mvn clean: the directory goes, git's registration of the worktree stays behind.
        deleteTree(project.resolve("target"));

        Throwable failure = catchThrowable(() -> build.build("HEAD"));
        System.out.println("GitWorktreeBuildTest: " + failure.getMessage());
        assertThat(failure).isInstanceOf(BaselineVersionException.class)
                .hasMessageStartingWith("the build of the baseline git ")
                .hasMessageContaining("failed (exit 1)")
                .hasMessageContaining("reproduce with: cd " + project.resolve("target/perfgate/baseline-src"))
                .hasMessageContaining("package " + GitWorktreeBuild.DEPENDENCY_PLUGIN + ":build-classpath")
                .hasMessageContaining("Last ")
                .hasMessageNotContaining("| # ")
                .hasMessageContaining("Main.java");
        assertThat(project.resolve("target/perfgate/baseline-src/src/main/java/demo/Main.java")).content()
                .contains("does not compile");
    }

    @Test
    void aModuleTheRootPomDoesNotListIsBuiltAlone() throws Exception {
        Path project = repository("tools/service", pom("demo-root", "pom", ""));

        BaselineVersion version = builder(project).build("HEAD~1");

        assertThat(version.moduleDirectory()).isEqualTo(project.resolve("target/perfgate/baseline-src/tools/service"));
        assertThat(runMain(version)).isEqualTo("marker-1");
    }

    @Test
    void anUnknownRefIsAnErrorThatSaysToFetch() throws Exception {
        Path project = dir.resolve("repo");
        Files.createDirectories(project);
        git(project, "init", "-q");
        Files.writeString(project.resolve("a.txt"), "a");
        git(project, "add", "-A");
        git(project, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "one");

        assertThatThrownBy(() -> builder(project).build("origin/main")).isInstanceOf(BaselineVersionException.class)
                .hasMessageContaining("<baselineRef> 'origin/main' is not a commit")
                .hasMessageContaining("git fetch --depth=50 origin main")
                .hasMessageContaining("fetch-depth: 0");
        assertThat(project.resolve("target/perfgate/baseline-build.log")).doesNotExist();
    }

    @Test
    void aDirectoryOutsideGitIsAnErrorNamingTheOtherWays() throws Exception {
        Path project = Files.createDirectories(dir.resolve("plain"));
        assumeTrue(!run(project, "git", "rev-parse", "--is-inside-work-tree").equals("true"),
                "the temporary directory is inside a git checkout");

        assertThatThrownBy(() -> builder(project).build("main")).isInstanceOf(BaselineVersionException.class)
                .hasMessageContaining("needs a git checkout")
                .hasMessageContaining("<baselineArtifact>");
    }

    private static String runMain(BaselineVersion version) throws Exception {
        List<String> classpath = version.classpath().stream().map(Path::toString).toList();
        return run(version.moduleDirectory(), Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classpath), "demo.Main");
    }

    private static String git(Path directory, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        return run(directory, argv.toArray(String[]::new));
    }

    private static String run(Path directory, String... argv) throws Exception {
        Process process = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
