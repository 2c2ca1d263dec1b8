package dev.perfgate.maven;

import dev.perfgate.util.BuildLog;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The one place that adds perfgate's tag: to every message the core logs, and to the message of every failure a
 * goal ends with. The core writes its messages untagged; detail lines (table rows) stay as they are.
 */
final class MavenBuildLog implements BuildLog {
    static final String TAG = "perfgate: ";

    private final Log log;

    MavenBuildLog(Log log) {
        this.log = log;
    }

    static String tagged(String message) {
        return TAG + message;
    }

    /** A configuration or infrastructure problem: the build cannot be carried out. */
    static MojoExecutionException executionError(String message) {
        return new MojoExecutionException(tagged(message));
    }

    static MojoExecutionException executionError(String message, Throwable cause) {
        return new MojoExecutionException(tagged(message), cause);
    }

    /** A failed check: the build was carried out and missed a gate, or had nothing to judge. */
    static MojoFailureException failure(String message) {
        return new MojoFailureException(tagged(message));
    }

    @Override
    public void info(String message) {
        log.info(tagged(message));
    }

    @Override
    public void warn(String message) {
        log.warn(tagged(message));
    }

    @Override
    public void error(String message) {
        log.error(tagged(message));
    }

    @Override
    public void detail(String line) {
        log.info(line);
    }
}
