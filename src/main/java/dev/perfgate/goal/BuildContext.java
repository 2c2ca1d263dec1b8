package dev.perfgate.goal;

import dev.perfgate.util.BuildLog;
import dev.perfgate.version.BaselineSource;
import java.nio.file.Path;
import java.util.List;

/**
 * What the planner needs from the build tool: the project's classpaths, jars resolved from its repositories, and a
 * baseline version built or resolved as the build would. Maven's Mojos implement it; the planner asks only for what
 * the configuration uses, and only once the configuration is valid, except the classpaths a check needs.
 */
public interface BuildContext {

    /** The project's runtime classpath, for a {@code <mainClass>} service. */
    List<Path> runtimeClasspath() throws PlanningException;

    /** The project's test classpath, for a Java {@code <scenario>}. */
    List<Path> testClasspath() throws PlanningException;

    /** JMeter's jars (and the plan's extra artifacts), to run a .jmx plan in a JVM of its own. */
    List<Path> jmeterClasspath(String version, List<String> extraArtifacts) throws PlanningException;

    /** The service built from this git commit or ref, in a worktree under the output directory. */
    BaselineSource gitBaseline(String ref) throws PlanningException;

    /**
     * A released artifact of the service.
     *
     * @param withDependencies true for a main-class service: the jar and its runtime dependencies
     */
    BaselineSource artifactBaseline(String coordinates, boolean withDependencies) throws PlanningException;

    /** Where the core tells the person running the build what it does. */
    BuildLog log();
}
