package dev.perfgate.maven;

import dev.perfgate.goal.PlanningException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.Log;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * JMeter's jars, resolved through Maven's own resolver (the build's repositories, mirrors, proxies and local
 * repository) like any dependency: downloaded from Maven Central on first use, then taken from the local repository.
 * They run JMeter in a JVM of its own (dev.perfgate.load.tool.JMeterTool), never in Maven's.
 *
 * <p>Modules: core (engine, thread groups), http (HTTP sampler), components (assertions, timers, extractors,
 * listeners), functions ({@code ${__P(...)}}, which a plan needs to read perfgate's -J properties: without it JMeter
 * logs "Did not find any functions" and runs a thread group of 0 threads) and config (bin/jmeter.properties and the
 * other files of a JMeter home). With their transitive dependencies that is about 140 jars, 72 MB for 5.6.3,
 * GUI libraries included: JMeter's own poms declare them, and JMeter's non-GUI mode is tested by its project with
 * them present. Nothing is excluded: the 5.6.3 poms (whose versions come from ApacheJMeter_bom imports) resolve
 * cleanly with Maven 3.9's resolver.
 */
public final class JMeterArtifacts {
    /** The JMeter version used when the pom names none. */
    public static final String DEFAULT_VERSION = "5.6.3";
    static final String GROUP = "org.apache.jmeter";
    static final List<String> MODULES = List.of("ApacheJMeter_core", "ApacheJMeter_http", "ApacheJMeter_components",
            "ApacheJMeter_functions", "ApacheJMeter_config");

    private JMeterArtifacts() {
    }

    /**
     * Resolves JMeter's modules of {@code version} with their runtime dependencies.
     *
     * @param extraArtifacts further jars for the plan (JMeter plugins, JDBC drivers) as
     *                       {@code groupId:artifactId:version} (or {@code groupId:artifactId:extension:version}),
     *                       resolved with their dependencies onto the same class path; may be empty
     * @return the jars, in resolution order; ApacheJMeter_config among them
     * @throws PlanningException when they cannot be resolved (offline without them, no repository reachable),
     *                                in one line saying what to do
     */
    public static List<Path> resolve(RepositorySystem system, RepositorySystemSession session,
            List<RemoteRepository> repositories, String version, List<String> extraArtifacts, Log log)
            throws PlanningException {
        String v = version == null || version.isBlank() ? DEFAULT_VERSION : version.trim();
        CollectRequest collect = new CollectRequest();
        collect.setRepositories(repositories);
        for (String module : MODULES) {
            collect.addDependency(new Dependency(new DefaultArtifact(GROUP, module, "jar", v), JavaScopes.RUNTIME));
        }
        for (String coordinates : extraArtifacts == null ? List.<String>of() : extraArtifacts) {
            try {
                collect.addDependency(new Dependency(new DefaultArtifact(coordinates.trim()), JavaScopes.RUNTIME));
            } catch (IllegalArgumentException e) {
                throw new PlanningException("<jmeterArtifacts> '" + coordinates + "' is not groupId:artifactId:"
                        + "version; give e.g. kg.apc:jmeter-plugins-casutg:2.10");
            }
        }
        DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        List<ArtifactResult> results;
        try {
            results = system.resolveDependencies(session, request).getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw new PlanningException("cannot resolve JMeter " + v + "'s jars (" + oneLine(e) + "); they come "
                    + "from Maven Central on first use: run Maven online once (not -o), check <jmeterVersion>, or "
                    + "set <scriptCommand> to an installed JMeter's bin/jmeter", e);
        }
        List<Path> jars = new ArrayList<>();
        for (ArtifactResult r : results) {
            if (r.getArtifact() != null && r.getArtifact().getFile() != null) {
                jars.add(r.getArtifact().getFile().toPath());
            }
        }
        if (log != null) {
            log.debug(MavenBuildLog.tagged("JMeter " + v + ": " + jars.size() + " jars resolved"));
        }
        return jars;
    }

    private static String oneLine(Exception e) {
        String m = String.valueOf(e.getMessage()).strip();
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
