package dev.perfgate.maven;

import dev.perfgate.goal.BuildContext;
import dev.perfgate.goal.PlanningException;
import dev.perfgate.util.BuildLog;
import dev.perfgate.version.BaselineSource;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/** What the planner asks of the build, answered by Maven: classpaths, resolved jars, a baseline version. */
final class MavenBuildContext implements BuildContext {
    private final MavenProject project;
    private final MavenSession session;
    private final RepositorySystem system;
    private final RepositorySystemSession repositorySession;
    private final List<RemoteRepository> repositories;
    private final File outputDirectory;
    private final Log mavenLog;
    private final BuildLog log;

    MavenBuildContext(MavenProject project, MavenSession session, RepositorySystem system,
            RepositorySystemSession repositorySession, List<RemoteRepository> repositories, File outputDirectory,
            Log mavenLog) {
        this.project = project;
        this.session = session;
        this.system = system;
        this.repositorySession = repositorySession;
        this.repositories = repositories;
        this.outputDirectory = outputDirectory;
        this.mavenLog = mavenLog;
        this.log = new MavenBuildLog(mavenLog);
    }

    @Override
    public List<Path> runtimeClasspath() throws PlanningException {
        try {
            return paths(project.getRuntimeClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new PlanningException("cannot resolve the runtime classpath for <mainClass>: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Path> testClasspath() throws PlanningException {
        try {
            return paths(project.getTestClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new PlanningException("cannot resolve the test classpath for <scenario>: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Path> jmeterClasspath(String version, List<String> extraArtifacts) throws PlanningException {
        return JMeterArtifacts.resolve(system, repositorySession, repositories, version, extraArtifacts, mavenLog);
    }

    @Override
    public BaselineSource gitBaseline(String ref) throws PlanningException {
        return BaselineVersions.gitRef(ref, project.getBasedir(), outputDirectory, session, log);
    }

    @Override
    public BaselineSource artifactBaseline(String coordinates, boolean withDependencies) throws PlanningException {
        return BaselineVersions.artifact(coordinates, project.getVersion(), withDependencies, system,
                session == null ? repositorySession : session.getRepositorySession(), repositories, log);
    }

    @Override
    public BuildLog log() {
        return log;
    }

    private static List<Path> paths(List<String> elements) {
        List<Path> paths = new ArrayList<>();
        elements.forEach(e -> paths.add(Path.of(e)));
        return paths;
    }
}
