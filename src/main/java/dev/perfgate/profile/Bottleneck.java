package dev.perfgate.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;

/**
 * The seed's Phase 2 fork for one run: did requests spend their time computing (CPU-bound: make the code do less)
 * or waiting (I/O-bound: fewer or faster calls, caching; or contention: shorter critical sections)?
 *
 * <p>The deciding figure is the CPU time per request against the time a request spent in the service. JFR gives the
 * JVM's CPU use as a fraction of the machine every second; times the hardware threads and the measured time it is
 * the CPU the service burnt, which divided by the requests is CPU per request. It is an upper bound (GC and JIT
 * threads count too), so a low share is a safe "mostly waiting".
 *
 * @param verdict             {@link #CPU_BOUND}, {@link #IO_BOUND}, {@link #CONTENTION} or {@link #UNDETERMINED}
 * @param reason              the figures behind the verdict, in words
 * @param cpuMillisPerRequest CPU time of the service's JVM per request, or null
 * @param cpuShare            that as a share of the mean service time, or null
 * @param lockShare           share of the request time spent in recorded monitor and park waits, or null
 * @param ioShare             share of the request time spent in recorded socket and file I/O, or null
 * @param gcShare             share of the measured time the JVM was paused for GC
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Bottleneck(String verdict, String reason, Double cpuMillisPerRequest, Double cpuShare,
        Double lockShare, Double ioShare, Double gcShare) {
    public static final String CPU_BOUND = "CPU-bound";
    public static final String IO_BOUND = "I/O-bound";
    public static final String CONTENTION = "contention-bound";
    public static final String UNDETERMINED = "undetermined";

    /** Above this the machine is saturated: requests queue for a CPU whatever their own share is. */
    static final double SATURATED = 0.85;
    /** A request that computes for half of its time or more is worth optimising as computation. */
    static final double CPU_SHARE = 0.5;
    /** Waiting for locks a quarter of the time is contention worth naming before generic I/O. */
    static final double LOCK_SHARE = 0.25;

    /** The verdict for a summary; null when the recording has no CPU load events at all. */
    public static Bottleneck of(ProfileSummary p) {
        if (p.jvmCpu() == null || p.machineCpu() == null) {
            return null;
        }
        double gcShare = p.measuredMillis() <= 0 ? 0 : p.gc().totalPauseMillis() / p.measuredMillis();
        // Saturated by the service itself: its requests queue for a CPU, whatever their own share is.
        if (p.machineCpu() >= SATURATED && p.jvmCpu() >= p.machineCpu() / 2) {
            return new Bottleneck(CPU_BOUND, String.format(Locale.ROOT, "the machine's CPU was %.0f %% busy, %.0f %% "
                    + "of it the service's JVM: requests queue for a CPU", 100 * p.machineCpu(), 100 * p.jvmCpu()),
                    null, null, null, null, gcShare);
        }
        // Saturated by something else (the load generator, a neighbour): say so beside whatever the verdict is.
        String busy = p.machineCpu() >= SATURATED ? String.format(Locale.ROOT, "; the machine was %.0f %% busy, "
                + "mostly with other processes (the service's JVM %.0f %%): requests also waited for a CPU, which "
                + "disturbs every figure of this run", 100 * p.machineCpu(), 100 * p.jvmCpu()) : "";
        Double requestMillis = p.requestMillis();
        if (requestMillis == null || p.hardwareThreads() == null || p.measuredMillis() <= 0) {
            return new Bottleneck(UNDETERMINED, String.format(Locale.ROOT, "the service's JVM used %.0f %% of the "
                    + "machine's CPU, but the recording alone does not say how many requests it served",
                    100 * p.jvmCpu()) + busy, null, null, null, null, gcShare);
        }
        double cpuMillis = p.jvmCpu() * p.hardwareThreads() * p.measuredMillis();
        double cpuPerRequest = cpuMillis / p.requests();
        double cpuShare = cpuPerRequest / p.meanServiceMillis();
        double lockShare = (sum(p.monitorByClass()) + sum(p.parkByClass())) / requestMillis;
        double ioShare = sum(p.io()) / requestMillis;
        String figures = String.format(Locale.ROOT, "%.2f ms of CPU per request against %.2f ms mean service "
                + "time (%.0f %%); recorded lock waits %.0f %%, socket/file I/O %.0f %%, GC pauses %.1f %% of the "
                + "time", cpuPerRequest, p.meanServiceMillis(), 100 * cpuShare, 100 * lockShare, 100 * ioShare,
                100 * gcShare);
        if (cpuShare >= CPU_SHARE) {
            return new Bottleneck(CPU_BOUND, "requests spend most of their time computing: " + figures
                    + "; look at the hottest methods" + busy, cpuPerRequest, cpuShare, lockShare, ioShare, gcShare);
        }
        if (lockShare >= LOCK_SHARE && lockShare >= ioShare) {
            return new Bottleneck(CONTENTION, "requests spend much of their time waiting for locks: " + figures
                    + "; look at the lock sites" + busy, cpuPerRequest, cpuShare, lockShare, ioShare, gcShare);
        }
        return new Bottleneck(IO_BOUND, "requests spend most of their time waiting, not computing: " + figures
                + "; JFR records only waits over its threshold (10 ms with 'profile'), so the rest is shorter "
                + "waits, non-blocking I/O or downstream calls" + busy, cpuPerRequest, cpuShare, lockShare, ioShare,
                gcShare);
    }

    private static double sum(java.util.List<ProfileSummary.Site> sites) {
        return sites.stream().mapToDouble(ProfileSummary.Site::value).sum();
    }
}
