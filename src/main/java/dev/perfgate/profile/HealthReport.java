package dev.perfgate.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What JDK Mission Control's automated analysis says about the measured windows of a JFR recording: advisory
 * health warnings (GC pressure, allocation, lock contention, long safepoints, discouraged JVM options ...), never a
 * gate. Written by {@link HealthCheck}.
 *
 * @param threshold          the least severity listed in {@code findings}
 * @param findings           the rules at or above the threshold, most severe first
 * @param rulesEvaluated     rules that had the events they need and gave a result (OK, INFO or WARNING)
 * @param rulesNotApplicable rules without the events they need in the windows (e.g. not enabled in the JFR
 *                           settings, or too few of them)
 * @param notes              rules that failed or ran out of time, and why; empty when all went well
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthReport(Severity threshold, List<Finding> findings, int rulesEvaluated, int rulesNotApplicable,
        List<String> notes) {

    public HealthReport {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** JMC's severities from OK up; its NA and IGNORE mean "no finding" and never reach a report. */
    public enum Severity {
        OK, INFO, WARNING
    }

    /**
     * One rule's result.
     *
     * @param rule        JMC's rule id, stable across versions (e.g. {@code SystemGc}, {@code LongGcPause})
     * @param name        the rule's name (e.g. "GC Caused by System.gc()")
     * @param severity    INFO from score 25, WARNING from score 75
     * @param score       0 (fine) to 100 (bad), as JMC's rule computed it; null when the rule gives none
     * @param summary     one line, values filled in, without HTML
     * @param explanation why it matters, one paragraph without HTML; null when the rule gives none
     * @param solution    what to do about it, without HTML; null when the rule gives none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finding(String rule, String name, Severity severity, Integer score, String summary,
            String explanation, String solution) {
    }
}
