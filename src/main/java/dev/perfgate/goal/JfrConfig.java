package dev.perfgate.goal;

import java.util.List;

/**
 * How the service is profiled, as the pom writes it.
 *
 * @param enabled       record JFR
 * @param settings      profile, default, or a .jfc file
 * @param eventSettings {@code <event>#<setting>=<value>} over those of settings
 * @param attachPid     a JVM perfgate did not start, by process id, or null
 * @param jmxUrl        a JVM perfgate did not start, by JMX service URL, or null
 * @param jmxUsername   the JMX user for jmxUrl, or null
 * @param jmxPassword   the JMX password for jmxUrl, or null; never shown
 */
public record JfrConfig(boolean enabled, String settings, List<String> eventSettings, Long attachPid, String jmxUrl,
        String jmxUsername, String jmxPassword) {
    public static final String SETTINGS = "profile";
    public static final JfrConfig DEFAULT = new JfrConfig(true, SETTINGS, List.of(), null, null, null, null);

    public JfrConfig {
        eventSettings = Nulls.list(eventSettings);
    }

    @Override
    public String toString() {
        // the password must not reach a log through a record's toString
        return "JfrConfig[enabled=" + enabled + ", settings=" + settings + ", eventSettings=" + eventSettings
                + ", attachPid=" + attachPid + ", jmxUrl=" + jmxUrl + ", jmxUsername=" + jmxUsername
                + (jmxPassword == null ? "" : ", jmxPassword=***") + "]";
    }
}
