package dev.perfgate.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The files a profile is shown in: a flame graph and a pprof profile each for CPU, allocation and lock waits, all
 * from one pass over the recordings. Names are fixed, so that perfgate:run can remove a previous run's files.
 */
public final class ProfileFiles {
    public static final String FLAME_CPU = "flame-cpu.html";
    public static final String FLAME_ALLOCATION = "flame-alloc.html";
    public static final String FLAME_LOCKS = "flame-lock.html";
    public static final String FLAME_DIFF = "flame-diff.html";
    public static final String PPROF_CPU = "profile-cpu.pb.gz";
    public static final String PPROF_ALLOCATION = "profile-alloc.pb.gz";
    public static final String PPROF_LOCKS = "profile-lock.pb.gz";
    /** What {@link #write} writes. */
    public static final List<String> NAMES = List.of(FLAME_CPU, FLAME_ALLOCATION, FLAME_LOCKS, PPROF_CPU,
            PPROF_ALLOCATION, PPROF_LOCKS);

    private ProfileFiles() {
    }

    /**
     * Writes the {@link #NAMES} files of the windows into {@code dir}; a kind without events still gets its
     * (empty) files, so that the set of files does not depend on what the service did. The titles name the unit:
     * the page's hover text calls every weight "samples", bytes and nanoseconds too.
     *
     * @param subject what was recorded, for the graphs' titles, e.g. "the measured trials"
     * @return the stacks drawn
     */
    public static ProfileStacks write(List<ProfileAnalyzer.Window> windows, Path dir, String subject)
            throws IOException {
        ProfileStacks stacks = ProfileStacks.read(windows);
        FlameGraphs.draw(stacks.cpu(), dir.resolve(FLAME_CPU), String.format(Locale.ROOT,
                "CPU samples of %s (%,d samples)", subject, ProfileStacks.total(stacks.cpu())));
        FlameGraphs.draw(stacks.allocation(), dir.resolve(FLAME_ALLOCATION), String.format(Locale.ROOT,
                "Allocation of %s in bytes (%,.1f MB in all, estimated from JFR's samples)", subject,
                ProfileStacks.total(stacks.allocation()) / 1e6));
        FlameGraphs.draw(stacks.locks(), dir.resolve(FLAME_LOCKS), String.format(Locale.ROOT,
                "Lock waits of %s in ns (%,.1f ms in all, waits over JFR's threshold, idle pool workers left out)",
                subject, ProfileStacks.total(stacks.locks()) / 1e6));
        Pprof.write(stacks.cpu(), Pprof.CPU, stacks.first(), stacks.last(), dir.resolve(PPROF_CPU));
        Pprof.write(stacks.allocation(), Pprof.ALLOCATION, stacks.first(), stacks.last(),
                dir.resolve(PPROF_ALLOCATION));
        Pprof.write(stacks.locks(), Pprof.LOCKS, stacks.first(), stacks.last(), dir.resolve(PPROF_LOCKS));
        return stacks;
    }

    /**
     * Writes {@link #FLAME_DIFF} into {@code dir}: the candidate's CPU graph coloured by the change against the
     * baseline's full stacks.
     */
    public static void writeDiff(ProfileStacks baseline, String baselineSubject, ProfileStacks candidate,
            String subject, Path dir) throws IOException {
        FlameGraphs.diff(baseline.cpu(), candidate.cpu(), dir.resolve(FLAME_DIFF), String.format(Locale.ROOT,
                "CPU of %s (%,d samples) vs %s (%,d samples)", subject,
                ProfileStacks.total(candidate.cpu()), baselineSubject, ProfileStacks.total(baseline.cpu())));
    }
}
