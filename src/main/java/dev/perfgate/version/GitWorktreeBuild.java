package dev.perfgate.version;

import dev.perfgate.service.ToolProcess;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the baseline version of the project from a git ref: checks the commit out into a worktree under
 * {@code target/} ({@code git worktree add --detach}), builds it with Maven (tests, ITs, javadoc and perfgate itself
 * skipped) and writes the module's runtime class path beside its classes.
 *
 * <p>The worktree is kept: a second build at the same commit (the next run of the day) reuses it without running
 * Maven again. Another commit replaces it, so no output of an older version is left in it. A project that is a module
 * of a larger repository is built in the reactor of the repository's root pom ({@code -pl <module> -am}), so sibling
 * modules come from the same commit rather than from the local repository; when the root pom does not list it the
 * module is built alone.
 */
public final class GitWorktreeBuild {
    /** Generous: a cold build of a real service on a busy 2-core CI runner. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    /** Pinned so the build does not depend on which version the local repository's metadata names. */
    public static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";
    /** Relative: Maven resolves it against each module's directory, so every module writes its own. */
    static final String CLASSPATH_FILE = "target/perfgate-runtime-classpath.txt";
    /** Written after a successful build, holding its commit: the worktree is reused only when it matches. */
    static final String BUILT_MARKER = "target/perfgate-baseline.commit";
    private static final String NOT_IN_REACTOR = "Could not find the selected project in the reactor";
    private static final int LOG_LINES = 30;

    private final Path projectDirectory;
    private final Path worktree;
    private final Path buildLog;
    private final MavenCommand maven;
    private final Duration timeout;
    private final Consumer<String> progress;

    /**
     * @param projectDirectory the candidate's project (module) directory, inside a git checkout
     * @param worktree         where the baseline is checked out, e.g. {@code target/perfgate/baseline-src}; perfgate
     *                         owns it: whatever is there is replaced
     * @param buildLog         the baseline build's output, e.g. {@code target/perfgate/baseline-build.log}
     * @param maven            the Maven to build with
     * @param timeout          how long the build may take before it is stopped
     * @param progress         one-line messages for the build log (may be null)
     */
    public GitWorktreeBuild(Path projectDirectory, Path worktree, Path buildLog, MavenCommand maven, Duration timeout,
            Consumer<String> progress) {
        this.projectDirectory = projectDirectory.toAbsolutePath().normalize();
        this.worktree = worktree.toAbsolutePath().normalize();
        this.buildLog = buildLog.toAbsolutePath().normalize();
        this.maven = Objects.requireNonNull(maven, "maven");
        this.timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        this.progress = progress == null ? m -> { } : progress;
    }

    /**
     * The baseline version at {@code ref}: a branch, tag, commit id, {@code origin/main}, {@code HEAD~1} (a merge
     * base is the caller's to compute).
     *
     * @throws BaselineVersionException when the ref is unknown, the project is not in a git checkout, or the build
     *                                  fails or times out
     */
    public BaselineVersion build(String ref) throws BaselineVersionException {
        if (ref == null || ref.isBlank() || ref.strip().startsWith("-")) {
            throw new BaselineVersionException("<baselineRef> '" + ref + "' is not a git ref; give a "
                    + "branch, tag or commit, e.g. origin/main");
        }
        ref = ref.strip();
        Path scratch = buildLog.getParent();
        Git.Result top = Git.run(projectDirectory, scratch, "rev-parse", "--show-toplevel");
        if (!top.ok()) {
            throw new BaselineVersionException("<baselineRef> needs a git checkout, but " + projectDirectory
                    + " is not in one (" + top.lastLine() + "); give the baseline as <baselineArtifact>, "
                    + "<baselineJar> or <baselineCommand>");
        }
        Path root = Path.of(top.lastLine());
        String commit = resolve(ref, scratch);
        Path module = worktree.resolve(relativeToRoot(root));
        BaselineVersion version = new BaselineVersion(commit, ref, projectDirectory, module,
                module.resolve("target").resolve("classes"), List.of());
        if (isBuilt(module, commit, scratch)) {
            progress.accept("baseline " + version.description() + " already built in " + worktree);
            return withClasspath(version, module);
        }
        checkout(root, commit, scratch);
        progress.accept("building the baseline " + version.description() + " in " + worktree + " (log: "
                + buildLog + ")");
        long started = System.nanoTime();
        runMaven(version, root);
        BaselineVersion built = withClasspath(version, module);
        write(module.resolve(BUILT_MARKER), commit);
        progress.accept("baseline built in " + Duration.ofNanos(System.nanoTime() - started).toSeconds()
                + " s");
        return built;
    }

    private String resolve(String ref, Path scratch) throws BaselineVersionException {
        Git.Result commit = Git.run(projectDirectory, scratch, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
        if (commit.ok() && commit.lastLine().matches("[0-9a-f]{40,64}")) {
            return commit.lastLine();
        }
        boolean shallow = Git.run(projectDirectory, scratch, "rev-parse", "--is-shallow-repository").lastLine()
                .equals("true");
        throw new BaselineVersionException("<baselineRef> '" + ref + "' is not a commit in this git "
                + "checkout" + (shallow ? ", which is a shallow clone" : "") + "; fetch it first, e.g. "
                + "`git fetch --depth=50 origin main` (on GitHub Actions: actions/checkout with fetch-depth: 0), "
                + "or check the spelling");
    }

    private Path relativeToRoot(Path root) throws BaselineVersionException {
        try {
            Path project = projectDirectory.toRealPath();
            Path realRoot = root.toRealPath();
            if (!project.startsWith(realRoot)) {
                throw new BaselineVersionException("git says " + projectDirectory + " is in " + root
                        + ", which does not contain it; give the baseline as <baselineJar> or <baselineCommand>");
            }
            return realRoot.relativize(project);
        } catch (IOException e) {
            throw new BaselineVersionException("cannot read " + projectDirectory + ": " + e.getMessage(), e);
        }
    }

    private boolean isBuilt(Path module, String commit, Path scratch) throws BaselineVersionException {
        Path marker = module.resolve(BUILT_MARKER);
        if (!Files.isRegularFile(marker) || !Files.isRegularFile(module.resolve(CLASSPATH_FILE))
                || !Files.exists(worktree.resolve(".git"))) {
            return false;
        }
        try {
            if (!Files.readString(marker, StandardCharsets.UTF_8).strip().equals(commit)) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        Git.Result head = Git.run(worktree, scratch, "rev-parse", "HEAD");
        return head.ok() && head.lastLine().equals(commit);
    }

    /** A fresh worktree at {@code commit}: an older one, or a registration whose directory is gone, is removed. */
    private void checkout(Path root, String commit, Path scratch) throws BaselineVersionException {
        if (Files.exists(worktree)) {
            Git.run(root, scratch, "worktree", "remove", "--force", worktree.toString());
            if (Files.exists(worktree)) {
                deleteTree(worktree); // not a worktree git knows of (a copy, an interrupted add): ours to replace
            }
        }
        Git.run(root, scratch, "worktree", "prune"); // forgets registrations whose directory mvn clean deleted
        Git.Result add = Git.run(root, scratch, "worktree", "add", "--force", "--detach", worktree.toString(),
                commit);
        if (!add.ok()) {
            throw new BaselineVersionException("cannot check the baseline commit " + commit + " out into "
                    + worktree + " (" + add.lastLine() + "); run `git worktree prune` in " + root
                    + " and delete that directory, then build again");
        }
    }

    private void runMaven(BaselineVersion version, Path root) throws BaselineVersionException {
        Path module = version.moduleDirectory();
        Path relative = worktree.relativize(module);
        boolean reactor = !relative.toString().isEmpty() && Files.isRegularFile(worktree.resolve("pom.xml"));
        try {
            Files.deleteIfExists(module.resolve(BUILT_MARKER));
            Files.deleteIfExists(module.resolve(CLASSPATH_FILE));
        } catch (IOException e) {
            throw new BaselineVersionException("cannot clean " + module + ": " + e.getMessage(), e);
        }
        if (reactor) {
            List<String> argv = mavenArgv(List.of("-f", worktree.resolve("pom.xml").toString(), "-pl",
                    relative.toString().replace(File.separatorChar, '/'), "-am"));
            if (runMaven(argv, worktree, version, false)) {
                return;
            }
            progress.accept("the root pom does not list " + relative + "; building the module alone");
        }
        runMaven(mavenArgv(List.of()), module, version, true);
    }

    List<String> mavenArgv(List<String> selection) {
        List<String> argv = new ArrayList<>();
        argv.add(maven.executable().toString());
        argv.addAll(maven.options());
        argv.addAll(List.of("-B", "-q", "-DskipTests", "-Dinvoker.skip=true", "-Dperfgate.skip=true",
                "-Dmaven.javadoc.skip=true", "-Dmdep.outputFile=" + CLASSPATH_FILE, "-Dmdep.includeScope=runtime"));
        argv.addAll(selection);
        argv.addAll(List.of("package", DEPENDENCY_PLUGIN + ":build-classpath"));
        return argv;
    }

    /** @return false only when {@code -pl} named a module the reactor does not have and that may be retried */
    private boolean runMaven(List<String> argv, Path directory, BaselineVersion version, boolean last)
            throws BaselineVersionException {
        String reproduce = "cd " + quote(directory.toString()) + " && "
                + String.join(" ", argv.stream().map(GitWorktreeBuild::quote).toList());
        try {
            Files.createDirectories(buildLog.getParent());
            Files.writeString(buildLog, "# " + version.description() + System.lineSeparator() + "# " + reproduce
                    + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BaselineVersionException("cannot write " + buildLog + ": " + e.getMessage(), e);
        }
        try (ToolProcess mvn = ToolProcess.start(argv, maven.environment(), directory, buildLog)) {
            OptionalInt exit = mvn.await(timeout);
            if (exit.isEmpty()) {
                throw new BaselineVersionException("the build of the baseline " + version.description()
                        + " did not finish in " + timeout.toMinutes() + " min and was stopped; see " + buildLog
                        + ", or reproduce with: " + reproduce);
            }
            if (exit.getAsInt() == 0) {
                return true;
            }
            // The log's own header (the commit, the command) is in the message already.
            List<String> tail = mvn.lastLines(LOG_LINES).stream().filter(line -> !line.startsWith("# ")).toList();
            if (!last && tail.stream().anyMatch(line -> line.contains(NOT_IN_REACTOR))) {
                return false;
            }
            throw new BaselineVersionException(withLog("the build of the baseline " + version.description()
                    + " failed (exit " + exit.getAsInt() + "); fix it or pick another <baselineRef>; reproduce with: "
                    + reproduce, tail));
        } catch (IOException e) {
            throw new BaselineVersionException("cannot run Maven " + maven.executable() + " for the baseline "
                    + "build (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BaselineVersionException("interrupted while building the baseline", e);
        }
    }

    private BaselineVersion withClasspath(BaselineVersion version, Path module) throws BaselineVersionException {
        Path file = module.resolve(CLASSPATH_FILE);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BaselineVersionException("the build of the baseline " + version.description()
                    + " wrote no " + file + " (" + e.getMessage() + "); see " + buildLog, e);
        }
        List<Path> classpath = new ArrayList<>();
        for (String entry : text.strip().split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                classpath.add(Path.of(entry.strip()));
            }
        }
        return new BaselineVersion(version.commit(), version.ref(), version.projectDirectory(), module,
                version.classes(), classpath);
    }

    private String withLog(String summary, List<String> tail) {
        StringBuilder text = new StringBuilder(summary);
        text.append(System.lineSeparator()).append("Last ").append(tail.size()).append(" lines of ").append(buildLog)
                .append(':');
        for (String line : tail) {
            text.append(System.lineSeparator()).append("  | ").append(line);
        }
        return text.toString();
    }

    private static void write(Path file, String text) throws BaselineVersionException {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BaselineVersionException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path directory) throws BaselineVersionException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new BaselineVersionException("cannot delete the old baseline checkout " + directory + " ("
                    + e.getMessage() + "); delete it by hand", e);
        }
    }

    private static String quote(String arg) {
        return arg.matches("[\\w@%+=:,./-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}
