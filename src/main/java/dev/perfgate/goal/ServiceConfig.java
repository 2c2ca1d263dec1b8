package dev.perfgate.goal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The pom's {@code <service>} as written, validated by {@link MeasurementPlanner}. Elements Maven evaluated to
 * nothing (a value that was only {@code ${perfgate.port}}) arrive as null and are reported, never dropped.
 *
 * @param command          a command line, one element per argument; empty when not used
 * @param jar              an executable jar, or null
 * @param mainClass        a main class on the project's runtime classpath, or null
 * @param args             program arguments
 * @param jvmArgs          JVM options (jar and mainClass)
 * @param environment      variables added to the inherited environment
 * @param workingDirectory the service's working directory, or null for the build's
 * @param java             the java executable for jar and mainClass, or null for the JVM running the build
 * @param port             a fixed port, or 0 for a free one
 * @param readyUrl         ready when this URL answers 2xx, or null to wait for the port to accept connections
 * @param readyTimeout     how long the service may take to become ready, e.g. "180s"
 * @param stopTimeout      how long a graceful stop may take, e.g. "10s"
 */
public record ServiceConfig(List<String> command, Path jar, String mainClass, List<String> args, List<String> jvmArgs,
        Map<String, String> environment, Path workingDirectory, Path java, int port, String readyUrl,
        String readyTimeout, String stopTimeout) {
    public static final String DEFAULT_READY_TIMEOUT = "180s";
    public static final String DEFAULT_STOP_TIMEOUT = "10s";

    public ServiceConfig {
        command = Nulls.list(command);
        args = Nulls.list(args);
        jvmArgs = Nulls.list(jvmArgs);
        environment = Nulls.map(environment);
    }
}
