package dev.perfgate.run;

import dev.perfgate.result.RunResult;

/**
 * Sequential extension of a measurement: after the planned trials, and again after each extension, the
 * measurement asks whether more trials are needed — e.g. because a statistical gate cannot yet tell a change from
 * noise. The cap ({@link MeasurementPlan#maxTrials()}) is fixed before the first trial, so an answer can never
 * stretch the measurement beyond what was agreed in advance; the hook is not asked once the cap is reached.
 */
@FunctionalInterface
public interface TrialExtension {

    /**
     * @param interim the run as measured so far: every trial, merged histograms, flags, and in {@code load} the
     *                trials measured, planned and allowed ({@code trials}, {@code plannedTrials},
     *                {@code maxTrials}); not written to disk
     * @return how many more trials to run and why, or null to stop
     */
    Extension extend(RunResult interim);

    /**
     * @param trials more trials wanted; 0 or less stops, more than the cap allows is cut to the cap
     * @param reason why, for the build log, e.g. "2 relative gate(s) inconclusive"; may be null
     */
    record Extension(int trials, String reason) {
    }
}
