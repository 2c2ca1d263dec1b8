package dev.perfgate.maven;

import dev.perfgate.goal.ServiceConfig;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code <service>} to start before the load and stop after it. Exactly one of {@code command},
 * {@code jar} or {@code mainClass}. {@code ${perfgate.port}} in args, jvmArgs, environment values and
 * readyUrl is replaced by the port perfgate chose (write it as {@code $${perfgate.port}} if your Maven
 * interpolates it away; the port is also in the PERFGATE_PORT environment variable and, for JVMs, the
 * perfgate.port system property).
 */
public class ServiceParameter {
    /** A command line, one element per argument. */
    private List<String> command = new ArrayList<>();
    /** An executable jar, started with java -jar. */
    private File jar;
    /** A main class, started on the project's runtime classpath. */
    private String mainClass;
    private List<String> args = new ArrayList<>();
    private List<String> jvmArgs = new ArrayList<>();
    private Map<String, String> environment = new LinkedHashMap<>();
    private File workingDirectory;
    /** The java executable for jar and mainClass; default: the JVM running Maven. */
    private File java;
    /** Fixed port; 0 (default) lets perfgate pick a free one. */
    private int port;
    /** Ready when this URL answers 2xx; default: ready when the port accepts connections. */
    private String readyUrl;
    /** How long the service may take to become ready. */
    private String readyTimeout = ServiceConfig.DEFAULT_READY_TIMEOUT;
    /** How long a graceful stop may take before the process tree is killed. */
    private String stopTimeout = ServiceConfig.DEFAULT_STOP_TIMEOUT;

    ServiceConfig toConfig() {
        return new ServiceConfig(command, jar == null ? null : jar.toPath(), mainClass, args, jvmArgs, environment,
                workingDirectory == null ? null : workingDirectory.toPath(), java == null ? null : java.toPath(), port,
                readyUrl, readyTimeout, stopTimeout);
    }

    public List<String> getCommand() {
        return command;
    }

    public void setCommand(List<String> command) {
        this.command = command;
    }

    public File getJar() {
        return jar;
    }

    public void setJar(File jar) {
        this.jar = jar;
    }

    public String getMainClass() {
        return mainClass;
    }

    public void setMainClass(String mainClass) {
        this.mainClass = mainClass;
    }

    public List<String> getArgs() {
        return args;
    }

    public void setArgs(List<String> args) {
        this.args = args;
    }

    public List<String> getJvmArgs() {
        return jvmArgs;
    }

    public void setJvmArgs(List<String> jvmArgs) {
        this.jvmArgs = jvmArgs;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }

    public void setEnvironment(Map<String, String> environment) {
        this.environment = environment;
    }

    public File getWorkingDirectory() {
        return workingDirectory;
    }

    public void setWorkingDirectory(File workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    public File getJava() {
        return java;
    }

    public void setJava(File java) {
        this.java = java;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public String getReadyUrl() {
        return readyUrl;
    }

    public void setReadyUrl(String readyUrl) {
        this.readyUrl = readyUrl;
    }

    public String getReadyTimeout() {
        return readyTimeout;
    }

    public void setReadyTimeout(String readyTimeout) {
        this.readyTimeout = readyTimeout;
    }

    public String getStopTimeout() {
        return stopTimeout;
    }

    public void setStopTimeout(String stopTimeout) {
        this.stopTimeout = stopTimeout;
    }
}
