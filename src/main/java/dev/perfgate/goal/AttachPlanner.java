package dev.perfgate.goal;

import dev.perfgate.service.JfrAttach;
import dev.perfgate.service.JmxTarget;
import dev.perfgate.util.BuildLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rules of recording JFR in a JVM perfgate did not start ({@code jfrAttachPid}, {@code jfrJmxUrl}). Whether the
 * JVM runs and lets us in is checked when the recording starts, still before the warm-up.
 */
final class AttachPlanner {
    private AttachPlanner() {
    }

    /**
     * The JVM to record JFR in, or null for none; every problem is added.
     *
     * @param service  whether perfgate starts a service (or a scenario's JVM) itself
     * @param scenario whether that is a Java scenario's JVM
     */
    static JfrAttach attach(JfrConfig jfr, boolean service, boolean scenario, BuildLog log, List<String> problems) {
        boolean byPid = jfr.attachPid() != null;
        boolean byUrl = jfr.jmxUrl() != null && !jfr.jmxUrl().isBlank();
        boolean credentials = jfr.jmxUsername() != null && !jfr.jmxUsername().isEmpty()
                || jfr.jmxPassword() != null && !jfr.jmxPassword().isEmpty();
        if (!byUrl && credentials) {
            problems.add("jfrJmxUsername / jfrJmxPassword are set, but jfrJmxUrl is not; they are the credentials of "
                    + "the JMX agent at jfrJmxUrl (attaching by pid needs none)");
        }
        if (!byPid && !byUrl) {
            return null;
        }
        if (byPid && byUrl) {
            problems.add("both jfrAttachPid (" + jfr.attachPid() + ") and jfrJmxUrl (" + jfr.jmxUrl().trim() + ") are "
                    + "set; keep one: the pid for a JVM on this machine, the URL for one reached over JMX");
            return null;
        }
        String parameter = byPid ? "jfrAttachPid" : "jfrJmxUrl";
        if (scenario) {
            problems.add("jfrAttachPid / jfrJmxUrl name a JVM perfgate did not start; perfgate records the scenario's "
                    + "JVM itself: remove them");
            return null;
        }
        if (service) {
            problems.add(parameter + " names a JVM perfgate did not start, but <service> is configured and perfgate "
                    + "records the service it starts itself; remove " + parameter + ", or remove <service> to "
                    + "profile a JVM started elsewhere");
            return null;
        }
        JmxTarget target;
        try {
            target = byPid ? new JmxTarget.Pid(jfr.attachPid())
                    : new JmxTarget.Url(jfr.jmxUrl(), jfr.jmxUsername(), jfr.jmxPassword());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
        if (!jfr.enabled()) {
            log.info("jfr is false: not recording JFR in " + target.describe());
            return null;
        }
        if (!jfr.eventSettings().isEmpty()) {
            problems.add("jfrEventSettings apply to services perfgate starts; for " + target.describe() + " write them "
                    + "into a .jfc file (jfr configure --input profile " + String.join(" ",
                            jfr.eventSettings().stream().map(e -> "'" + e + "'").toList())
                    + " --output perfgate.jfc) and give that file as jfrSettings");
            return null;
        }
        JfrAttach attach = new JfrAttach(target, jfr.settings());
        if (attach.settings().endsWith(".jfc") && !Files.isRegularFile(Path.of(attach.settings()))) {
            problems.add("jfrSettings " + Path.of(attach.settings()).toAbsolutePath() + " does not exist; give an "
                    + "existing .jfc file, or profile / default");
            return null;
        }
        return attach;
    }
}
