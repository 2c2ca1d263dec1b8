package dev.perfgate.maven;

import dev.perfgate.goal.PlanningException;
import dev.perfgate.util.BuildLog;
import dev.perfgate.version.BaselineArtifact;
import dev.perfgate.version.BaselineVersion;
import dev.perfgate.version.BaselineVersionException;
import dev.perfgate.version.GitWorktreeBuild;
import dev.perfgate.version.MavenCommand;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.maven.execution.MavenExecutionRequest;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.version.GenericVersionScheme;
import org.eclipse.aether.version.InvalidVersionSpecificationException;
import org.eclipse.aether.version.Version;

/**
 * The baseline version for interleaved A/B runs, from the pom's {@code <baselineRef>}, {@code <baselineArtifact>},
 * {@code <baselineJar>} or {@code <baselineCommand>}: the Maven half of {@code dev.perfgate.version}. A baseline
 * that cannot be had is a PlanningException saying what to do, never a pass.
 */
public final class BaselineVersions {
    /** The version in {@code <baselineArtifact>} that means "the newest release before ${project.version}". */
    public static final String PREVIOUS_RELEASE = "previousRelease";
    static final String WORKTREE = "baseline-src";
    static final String BUILD_LOG = "baseline-build.log";
    /** A deployed snapshot's resolved version: 1.2.0-20240102.030405-6. */
    private static final Pattern TIMESTAMPED_SNAPSHOT = Pattern.compile(".*-\\d{8}\\.\\d{6}-\\d+$");

    private BaselineVersions() {
    }

    /**
     * Builds {@code ref} in {@code <outputDirectory>/baseline-src} with the Maven running this build (same offline
     * mode, settings, local repository and profiles), or reuses the build there when it is at the same commit.
     */
    public static BaselineVersion gitRef(String ref, File projectBasedir, File outputDirectory, MavenSession session,
            BuildLog log) throws PlanningException {
        Path out = outputDirectory.toPath();
        GitWorktreeBuild build = new GitWorktreeBuild(projectBasedir.toPath(), out.resolve(WORKTREE),
                out.resolve(BUILD_LOG), runningMaven(session), GitWorktreeBuild.DEFAULT_TIMEOUT,
                log == null ? null : log::info);
        try {
            return build.build(ref);
        } catch (BaselineVersionException e) {
            throw new PlanningException(e.getMessage(), e);
        }
    }

    /** The Maven running this build, told to resolve as this build does. */
    static MavenCommand runningMaven(MavenSession session) {
        String home = System.getProperty("maven.home");
        if (home == null || home.isBlank()) {
            home = System.getenv("MAVEN_HOME");
        }
        // Without a known home (an embedded Maven), the mvn on the PATH is the best guess.
        Path executable = home == null || home.isBlank() ? Path.of("mvn") : MavenCommand.executable(Path.of(home));
        MavenExecutionRequest request = session.getRequest();
        Path defaultGlobal = home == null ? null : Path.of(home, "conf", "settings.xml");
        RepositorySystemSession repositorySession = session.getRepositorySession();
        String localRepository = repositorySession == null || repositorySession.getLocalRepository() == null ? null
                : repositorySession.getLocalRepository().getBasedir().getAbsolutePath();
        List<String> options = mavenOptions(session.isOffline(), request.getUserSettingsFile(),
                request.getGlobalSettingsFile(), defaultGlobal, localRepository, request.getActiveProfiles(),
                request.getInactiveProfiles());
        // The same JDK as this build: the baseline's classes must run on the JVM that runs the candidate's.
        return new MavenCommand(executable, options, Map.of("JAVA_HOME", System.getProperty("java.home")));
    }

    static List<String> mavenOptions(boolean offline, File userSettings, File globalSettings, Path defaultGlobal,
            String localRepository, List<String> activeProfiles, List<String> inactiveProfiles) {
        List<String> options = new ArrayList<>();
        if (offline) {
            options.add("-o");
        }
        if (userSettings != null && userSettings.isFile()) {
            options.addAll(List.of("-s", userSettings.getAbsolutePath()));
        }
        if (globalSettings != null && globalSettings.isFile()
                && (defaultGlobal == null || !globalSettings.toPath().toAbsolutePath().normalize()
                        .equals(defaultGlobal.toAbsolutePath().normalize()))) {
            options.addAll(List.of("-gs", globalSettings.getAbsolutePath()));
        }
        if (localRepository != null && !localRepository.isBlank()) {
            options.add("-Dmaven.repo.local=" + localRepository);
        }
        List<String> profiles = new ArrayList<>();
        (activeProfiles == null ? List.<String>of() : activeProfiles).forEach(profiles::add);
        (inactiveProfiles == null ? List.<String>of() : inactiveProfiles).forEach(p -> profiles.add("!" + p));
        if (!profiles.isEmpty()) {
            options.add("-P" + String.join(",", profiles));
        }
        return options;
    }

    /**
     * Resolves {@code groupId:artifactId[:extension[:classifier]]:version} from the project's repositories; the
     * version {@value #PREVIOUS_RELEASE} means the newest release strictly below {@code projectVersion}
     * (SNAPSHOTs excluded).
     *
     * @param withDependencies true for a main-class service: the jar and its runtime dependencies; false: the jar
     */
    public static BaselineArtifact artifact(String coordinates, String projectVersion, boolean withDependencies,
            RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories, BuildLog log)
            throws PlanningException {
        Artifact artifact = parse(coordinates);
        if (artifact.getVersion().equalsIgnoreCase(PREVIOUS_RELEASE)) {
            artifact = artifact.setVersion(previousRelease(artifact, projectVersion, system, session, repositories));
        }
        String resolved = artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getVersion();
        if (log != null) {
            log.info("baseline artifact " + resolved);
        }
        try {
            if (!withDependencies) {
                Path jar = system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null))
                        .getArtifact().getFile().toPath();
                return new BaselineArtifact(resolved, jar, List.of(jar));
            }
            CollectRequest collect = new CollectRequest(new Dependency(artifact, JavaScopes.RUNTIME), repositories);
            List<ArtifactResult> results = system.resolveDependencies(session, new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME))).getArtifactResults();
            List<Path> classpath = new ArrayList<>();
            Path jar = null;
            for (ArtifactResult r : results) {
                Artifact a = r.getArtifact();
                if (a == null || a.getFile() == null) {
                    continue;
                }
                classpath.add(a.getFile().toPath());
                if (jar == null && a.getGroupId().equals(artifact.getGroupId())
                        && a.getArtifactId().equals(artifact.getArtifactId())
                        && a.getClassifier().equals(artifact.getClassifier())) {
                    jar = a.getFile().toPath();
                }
            }
            if (jar == null) {
                throw new PlanningException("<baselineArtifact> " + resolved + " resolved to no file; "
                        + "check its coordinates or use <baselineRef>");
            }
            return new BaselineArtifact(resolved, jar, classpath);
        } catch (ArtifactResolutionException | DependencyResolutionException e) {
            throw new PlanningException("cannot resolve <baselineArtifact> " + resolved + " ("
                    + firstLine(e) + "); check the coordinates" + (session.isOffline() ? ", run Maven online once "
                    + "(not -o)" : "") + ", or use <baselineRef>", e);
        }
    }

    private static Artifact parse(String coordinates) throws PlanningException {
        try {
            return new DefaultArtifact(coordinates.strip());
        } catch (IllegalArgumentException e) {
            throw new PlanningException("<baselineArtifact> '" + coordinates + "' is not groupId:"
                    + "artifactId:version; give e.g. com.example:service:1.2.0, or com.example:service:"
                    + PREVIOUS_RELEASE + " for the newest release before this version");
        }
    }

    private static String previousRelease(Artifact artifact, String projectVersion, RepositorySystem system,
            RepositorySystemSession session, List<RemoteRepository> repositories) throws PlanningException {
        String ga = artifact.getGroupId() + ":" + artifact.getArtifactId();
        List<String> versions = new ArrayList<>();
        try {
            VersionRangeRequest request = new VersionRangeRequest(
                    artifact.setVersion("[," + projectVersion + ")"), repositories, null);
            system.resolveVersionRange(session, request).getVersions().forEach(v -> versions.add(v.toString()));
        } catch (VersionRangeResolutionException e) {
            throw new PlanningException("cannot list the versions of " + ga + " (" + firstLine(e)
                    + "); set <baselineArtifact> to an existing version or use <baselineRef>", e);
        }
        return newestReleaseBelow(projectVersion, versions).orElseThrow(() -> new PlanningException(
                "no release of " + ga + " before " + projectVersion + " in " + names(repositories)
                        + (session.isOffline() ? " (offline: only what the local repository knows)" : "")
                        + "; set <baselineArtifact> to an existing version or use <baselineRef>"));
    }

    /**
     * The highest version in {@code versions} that is a release (not a SNAPSHOT, plain or timestamped) and strictly
     * below {@code current}, in Maven's ordering (1.10 above 1.9, 1.0-beta below 1.0).
     */
    static Optional<String> newestReleaseBelow(String current, List<String> versions) {
        GenericVersionScheme scheme = new GenericVersionScheme();
        try {
            Version limit = scheme.parseVersion(current);
            Version best = null;
            for (String text : versions) {
                if (isSnapshot(text)) {
                    continue;
                }
                Version v = scheme.parseVersion(text);
                if (v.compareTo(limit) < 0 && (best == null || v.compareTo(best) > 0)) {
                    best = v;
                }
            }
            return Optional.ofNullable(best).map(Version::toString);
        } catch (InvalidVersionSpecificationException e) {
            return Optional.empty(); // GenericVersionScheme accepts any text; never reached in practice
        }
    }

    static boolean isSnapshot(String version) {
        return version.toUpperCase(Locale.ROOT).endsWith("-SNAPSHOT") || TIMESTAMPED_SNAPSHOT.matcher(version).matches();
    }

    private static String names(List<RemoteRepository> repositories) {
        if (repositories == null || repositories.isEmpty()) {
            return "no repository";
        }
        return repositories.stream().map(r -> r.getId() + " (" + r.getUrl() + ")").collect(Collectors.joining(", "));
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
