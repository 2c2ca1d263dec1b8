package dev.perfgate.gate;

import dev.perfgate.result.EnvironmentFingerprint;
import dev.perfgate.result.JfrInfo;
import dev.perfgate.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Names every difference between the environment a baseline was measured in and this run's that can move
 * performance more than the margins gates use: CPU model, cores, memory, JDK major version, OS, architecture,
 * JVM options (not -D system properties) and JFR settings. Patch versions of the JDK and the kernel are left out on purpose: they change on
 * every runner image update and would turn every relative check off.
 */
public final class EnvironmentGuard {
    /** Memory reported by the same machine type varies by a few MB between boots. */
    private static final double MEMORY_TOLERANCE = 0.05;

    private EnvironmentGuard() {
    }

    /** "cores 2 → 4", one entry per difference; empty when the environments match or one is unknown. */
    public static List<String> differences(RunResult baseline, RunResult run) {
        List<String> d = new ArrayList<>();
        EnvironmentFingerprint b = baseline.environment();
        EnvironmentFingerprint r = run.environment();
        if (b != null && r != null) {
            diff(d, "CPU", b.cpuModel(), r.cpuModel());
            diff(d, "cores", String.valueOf(b.cores()), String.valueOf(r.cores()));
            if (memoryDiffers(b.memoryBytes(), r.memoryBytes())) {
                d.add("memory " + gib(b.memoryBytes()) + " → " + gib(r.memoryBytes()));
            }
            diff(d, "JDK", javaMajor(b.javaVersion()), javaMajor(r.javaVersion()));
            diff(d, "OS", osName(b.os()), osName(r.os()));
            diff(d, "arch", b.arch(), r.arch());
            diff(d, "JVM options", jvmOptions(b.jvmArgs()), jvmOptions(r.jvmArgs()));
        }
        JfrInfo bj = baseline.jfr();
        JfrInfo rj = run.jfr();
        if (bj != null && rj != null && bj.enabled() && rj.enabled()) {
            diff(d, "JFR settings", jfrText(bj), jfrText(rj));
        }
        return d;
    }

    private static void diff(List<String> d, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            d.add(what + " " + (before == null || before.isEmpty() ? "none" : before) + " → "
                    + (after == null || after.isEmpty() ? "none" : after));
        }
    }

    /**
     * The options that tune the JVM (heap, GC, JIT: -X..., -XX:..., agents), without -D system properties: those
     * configure the application, and a build that passes one to make the service slower must still be compared.
     */
    static String jvmOptions(List<String> args) {
        return String.join(" ", args.stream().filter(a -> !a.startsWith("-D")).toList());
    }

    private static boolean memoryDiffers(long before, long after) {
        if (before <= 0 || after <= 0) {
            return false;
        }
        return Math.abs(before - after) > MEMORY_TOLERANCE * Math.max(before, after);
    }

    /** "17.0.12" → "17", "1.8.0_392" → "8"; the major version is what changes the JIT and the GC. */
    static String javaMajor(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        String v = version.trim();
        if (v.startsWith("1.")) {
            v = v.substring(2);
        }
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? version.trim() : v.substring(0, end);
    }

    /** "Linux 6.1.0-18-amd64" → "Linux": the kernel patch level changes with every image update. */
    private static String osName(String os) {
        if (os == null) {
            return null;
        }
        String t = os.trim();
        int space = t.lastIndexOf(' ');
        return space > 0 && Character.isDigit(t.charAt(space + 1)) ? t.substring(0, space) : t;
    }

    private static String jfrText(JfrInfo jfr) {
        String options = jfr.options() == null || jfr.options().isEmpty() ? "" : " " + String.join(",",
                jfr.options());
        return (jfr.settings() == null ? "default" : jfr.settings()) + options;
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
