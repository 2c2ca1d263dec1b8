package dev.perfgate.goal;

import dev.perfgate.run.Measurement;
import dev.perfgate.scenario.ScenarioSpec;
import dev.perfgate.service.JfrOptions;
import dev.perfgate.service.Readiness;
import dev.perfgate.service.ServiceSpec;
import dev.perfgate.util.Advice;
import dev.perfgate.util.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The rules of {@code <service>} and of a Java scenario's forked JVM, which is started like a service. */
final class ServicePlanner {
    private ServicePlanner() {
    }

    /**
     * The service's launch, or null when it cannot be built; every problem is added.
     *
     * @param jfr the recording of a launched JVM
     */
    static ServiceSpec service(ServiceConfig s, JfrConfig jfr, Path out, BuildContext context, List<String> problems)
            throws PlanningException {
        int before = problems.size();
        emptyElements("<service><command>", s.command(), problems);
        emptyElements("<service><args>", s.args(), problems);
        emptyElements("<service><jvmArgs>", s.jvmArgs(), problems);
        s.environment().forEach((name, value) -> {
            if (value == null) {
                problems.add("<service><environment><" + name + "> is empty: " + Advice.escapePort());
            }
        });
        int kinds = (s.command().isEmpty() ? 0 : 1) + (s.jar() == null ? 0 : 1) + (s.mainClass() == null ? 0 : 1);
        if (kinds != 1) {
            problems.add("<service> needs exactly one of <command>, <jar> or <mainClass>, but has " + kinds);
        }
        if (s.jar() != null && !s.jar().toFile().isFile()) {
            problems.add("<service><jar> " + s.jar() + " does not exist; build it first (mvn package)");
        }
        boolean readyUrl = s.readyUrl() != null && !s.readyUrl().isBlank();
        if (readyUrl && !s.readyUrl().matches("(?i)https?://.+")) {
            problems.add("<service><readyUrl> '" + s.readyUrl() + "' is not an http:// or https:// URL");
        }
        Duration readyTimeout = Durations.parseOrCollect("<service><readyTimeout>", s.readyTimeout(), problems);
        Duration stopTimeout = Durations.parseOrCollect("<service><stopTimeout>", s.stopTimeout(), problems);
        if (problems.size() > before) {
            return null;
        }
        ServiceSpec.Builder builder = !s.command().isEmpty() ? ServiceSpec.command(s.command())
                : s.jar() != null ? ServiceSpec.jar(s.jar())
                : ServiceSpec.mainClass(s.mainClass(), context.runtimeClasspath());
        builder.args(s.args())
                .jvmArgs(s.jvmArgs())
                .environment(s.environment())
                .logFile(out.resolve(Measurement.SERVICE_LOG))
                .readyTimeout(readyTimeout)
                .stopTimeout(stopTimeout)
                .port(s.port())
                .readiness(readyUrl ? Readiness.http(s.readyUrl()) : Readiness.tcp("127.0.0.1:${perfgate.port}"));
        if (s.workingDirectory() != null) {
            builder.workingDirectory(s.workingDirectory());
        }
        if (s.java() != null) {
            builder.javaExecutable(s.java());
        }
        try {
            return builder.jfr(jfrOptions(jfr, out)).build();
        } catch (IllegalArgumentException e) {
            problems.add("<service> " + e.getMessage());
            return null;
        }
    }

    /** The forked JVM that runs a Java scenario, started, profiled and stopped like a service; or null. */
    static ServiceSpec scenario(String className, List<String> jvmArgs, JfrConfig jfr, Path out,
            List<Path> testClasspath, List<String> problems) {
        int before = problems.size();
        emptyElements("<scenarioJvmArgs>", jvmArgs, problems);
        if (problems.size() > before) {
            return null;
        }
        try {
            return ScenarioSpec.service(className, testClasspath)
                    .jvmArgs(jvmArgs)
                    .logFile(out.resolve(Measurement.SERVICE_LOG))
                    .jfr(jfrOptions(jfr, out))
                    .build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add("<scenario> " + e.getMessage());
            return null;
        }
    }

    private static JfrOptions jfrOptions(JfrConfig jfr, Path out) {
        return jfr.enabled() ? new JfrOptions(true, jfr.settings(), jfr.eventSettings(), out) : JfrOptions.disabled();
    }

    private static void emptyElements(String element, List<String> values, List<String> problems) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                problems.add(element + " element " + (i + 1) + " is empty: " + Advice.escapePort());
            }
        }
    }
}
