package dev.perfgate.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a JFR recording says about one measured window, compact enough to store in run.json and the baseline so
 * that a later check can compare profiles without the old .jfr. Every share comes with the count it rests on.
 *
 * @param windowStartMillis start of the analysed window (epoch ms); events before it (warm-up) are left out
 * @param windowEndMillis   end of the window
 * @param measuredMillis    the length of all analysed windows together (trials only, gaps between them left out)
 * @param javaSamples       jdk.ExecutionSample events: threads caught running Java code
 * @param nativeSamples     jdk.NativeMethodSample events, kept apart: mostly threads idle in epoll or accept
 * @param selfTop           top frames of Java samples (where the CPU time was spent), most first
 * @param totalTop          methods anywhere on the stack of Java samples, counted once per sample, most first
 * @param stacksTop         whole stacks, root first, frames joined by ';' (collapsed-stack format), most first
 * @param allocationSamples jdk.ObjectAllocationSample events in the window
 * @param allocationBytes   their summed weight: an estimate of the bytes allocated
 * @param allocationByClass allocation by allocated class: samples and bytes, most bytes first
 * @param allocationBySite  allocation by the first frame outside the JDK (the application code that allocated)
 * @param gc                garbage collections in the window
 * @param monitorByClass    waits to enter a monitor longer than JFR's threshold, by monitor class: waits and ms
 * @param monitorBySite     the same by the first frame outside the JDK (where the code took the lock)
 * @param parkByClass       parked time longer than the threshold by blocker class; idle worker pools left out
 * @param parkBySite        the same by the first frame outside the JDK
 * @param io                socket and file reads and writes longer than the threshold, by kind and site: events, ms
 * @param jvmCpu            mean CPU use of the JVM (user + system) as a fraction of the machine, or null
 * @param machineCpu        mean CPU use of the whole machine, or null
 * @param hardwareThreads   the machine's hardware threads as JFR saw them, or null
 * @param requests          requests the load sent in the windows; null when unknown (a recording analysed alone)
 * @param meanServiceMillis mean latency from the actual send (service time) of those requests, or null
 * @param bottleneck        CPU-bound or waiting, and why; null when the recording cannot tell
 * @param warnings          reasons to distrust the figures (e.g. too few samples)
 * @param health            JDK Mission Control's automated analysis of the windows (advisory), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileSummary(long windowStartMillis, long windowEndMillis, long measuredMillis, long javaSamples,
        long nativeSamples, List<Count> selfTop, List<Count> totalTop, List<Count> stacksTop, long allocationSamples,
        long allocationBytes, List<Site> allocationByClass, List<Site> allocationBySite, Gc gc,
        List<Site> monitorByClass, List<Site> monitorBySite, List<Site> parkByClass, List<Site> parkBySite,
        List<Site> io, Double jvmCpu, Double machineCpu, Integer hardwareThreads, Long requests,
        Double meanServiceMillis, Bottleneck bottleneck, List<String> warnings, HealthReport health) {

    /** A summary without JMC's health analysis. */
    public ProfileSummary(long windowStartMillis, long windowEndMillis, long measuredMillis, long javaSamples,
            long nativeSamples, List<Count> selfTop, List<Count> totalTop, List<Count> stacksTop,
            long allocationSamples, long allocationBytes, List<Site> allocationByClass, List<Site> allocationBySite,
            Gc gc, List<Site> monitorByClass, List<Site> monitorBySite, List<Site> parkByClass, List<Site> parkBySite,
            List<Site> io, Double jvmCpu, Double machineCpu, Integer hardwareThreads, Long requests,
            Double meanServiceMillis, Bottleneck bottleneck, List<String> warnings) {
        this(windowStartMillis, windowEndMillis, measuredMillis, javaSamples, nativeSamples, selfTop, totalTop,
                stacksTop, allocationSamples, allocationBytes, allocationByClass, allocationBySite, gc, monitorByClass,
                monitorBySite, parkByClass, parkBySite, io, jvmCpu, machineCpu, hardwareThreads, requests,
                meanServiceMillis, bottleneck, warnings, null);
    }

    public ProfileSummary {
        selfTop = listOf(selfTop);
        totalTop = listOf(totalTop);
        stacksTop = listOf(stacksTop);
        allocationByClass = listOf(allocationByClass);
        allocationBySite = listOf(allocationBySite);
        monitorByClass = listOf(monitorByClass);
        monitorBySite = listOf(monitorBySite);
        parkByClass = listOf(parkByClass);
        parkBySite = listOf(parkBySite);
        io = listOf(io);
        warnings = listOf(warnings);
        gc = gc == null ? new Gc(0, 0, 0, List.of()) : gc;
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * This summary with the load that ran during its windows, which makes per-request figures and the
     * CPU-bound/waiting verdict possible.
     */
    public ProfileSummary withLoad(long requestCount, double meanServiceTimeMillis) {
        ProfileSummary withLoad = new ProfileSummary(windowStartMillis, windowEndMillis, measuredMillis, javaSamples,
                nativeSamples, selfTop, totalTop, stacksTop, allocationSamples, allocationBytes, allocationByClass,
                allocationBySite, gc, monitorByClass, monitorBySite, parkByClass, parkBySite, io, jvmCpu,
                machineCpu, hardwareThreads, requestCount, meanServiceTimeMillis, null, warnings, health);
        return withLoad.withBottleneck(Bottleneck.of(withLoad));
    }

    /** This summary with JMC's health analysis of the same windows. */
    public ProfileSummary withHealth(HealthReport report) {
        return new ProfileSummary(windowStartMillis, windowEndMillis, measuredMillis, javaSamples, nativeSamples,
                selfTop, totalTop, stacksTop, allocationSamples, allocationBytes, allocationByClass, allocationBySite,
                gc, monitorByClass, monitorBySite, parkByClass, parkBySite, io, jvmCpu, machineCpu, hardwareThreads,
                requests, meanServiceMillis, bottleneck, warnings, report);
    }

    ProfileSummary withBottleneck(Bottleneck verdict) {
        return new ProfileSummary(windowStartMillis, windowEndMillis, measuredMillis, javaSamples, nativeSamples,
                selfTop, totalTop, stacksTop, allocationSamples, allocationBytes, allocationByClass, allocationBySite,
                gc, monitorByClass, monitorBySite, parkByClass, parkBySite, io, jvmCpu, machineCpu, hardwareThreads,
                requests, meanServiceMillis, verdict, warnings, health);
    }

    /**
     * The time all requests spent in the service (requests × mean service time), the denominator of "share of the
     * request time"; null when the load is unknown.
     */
    public Double requestMillis() {
        return requests == null || meanServiceMillis == null || requests == 0 ? null : requests * meanServiceMillis;
    }

    /** A name and how much of something it got: samples, bytes or milliseconds. */
    public record Count(String name, long value) {
    }

    /**
     * A class or code site and the JFR events about it.
     *
     * @param name   class name, method name, or "kind: method" for I/O
     * @param events how many events (samples or waits): what significance tests count
     * @param value  what they weigh: bytes for allocation, milliseconds for waits
     */
    public record Site(String name, long events, double value) {
    }

    /**
     * @param collections    garbage collections that ended in the window
     * @param totalPauseMillis sum of their pauses
     * @param longestPauseMillis the longest single pause
     * @param causes         collections by cause, most first
     */
    public record Gc(long collections, double totalPauseMillis, double longestPauseMillis, List<Count> causes) {
        public Gc {
            causes = causes == null ? List.of() : List.copyOf(causes);
        }
    }
}
