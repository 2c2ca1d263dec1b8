package dev.perfgate.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a JFR recording says about one measured window, compact enough to store in run.json and the baseline so
 * that a later check can compare profiles without the old .jfr. Every share comes with the count it rests on.
 *
 * @param windowStartMillis start of the analysed window (epoch ms); events before it (warm-up) are left out
 * @param windowEndMillis   end of the window
 * @param javaSamples       jdk.ExecutionSample events: threads caught running Java code
 * @param nativeSamples     jdk.NativeMethodSample events, kept apart: mostly threads idle in epoll or accept
 * @param selfTop           top frames of Java samples (where the CPU time was spent), most first
 * @param totalTop          methods anywhere on the stack of Java samples, counted once per sample, most first
 * @param stacksTop         whole stacks, root first, frames joined by ';' (collapsed-stack format), most first
 * @param allocationBytes   sampled allocation weight in the window (an estimate of bytes allocated)
 * @param allocationByClass allocation weight by allocated class, bytes, most first
 * @param gc                garbage collections in the window
 * @param monitorByClass    time threads waited to enter monitors, by monitor class, ms, most first
 * @param parkByClass       time threads spent parked, by blocker class, ms, most first; idle worker pools left out
 * @param jvmCpu            mean CPU use of the JVM (user + system) as a fraction of the machine, or null
 * @param machineCpu        mean CPU use of the whole machine, or null
 * @param warnings          reasons to distrust the figures (e.g. too few samples)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileSummary(long windowStartMillis, long windowEndMillis, long javaSamples, long nativeSamples,
        List<Count> selfTop, List<Count> totalTop, List<Count> stacksTop, long allocationBytes,
        List<Count> allocationByClass, Gc gc, List<Count> monitorByClass, List<Count> parkByClass, Double jvmCpu,
        Double machineCpu, List<String> warnings) {

    /** A name and how much of something it got: samples, bytes or milliseconds. */
    public record Count(String name, long value) {
    }

    /**
     * @param collections    garbage collections that ended in the window
     * @param totalPauseMillis sum of their pauses
     * @param longestPauseMillis the longest single pause
     * @param causes         collections by cause, most first
     */
    public record Gc(long collections, double totalPauseMillis, double longestPauseMillis, List<Count> causes) {
    }
}
