package dev.perfgate.result;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine and JVM a run was measured on. Two runs on different machines differ by more than most
 * regressions, so relative gates need to know whether the baseline came from an equivalent environment.
 *
 * @param os          OS name and version
 * @param arch        CPU architecture
 * @param cpuModel    CPU model name, or "unknown"
 * @param cores       processors available to the JVM
 * @param memoryBytes physical memory
 * @param javaVendor  vendor of the service's JVM (or of the build's when the service is not a JVM we launched)
 * @param javaVersion version of that JVM
 * @param jvmArgs     JVM options the service was started with
 */
public record EnvironmentFingerprint(String os, String arch, String cpuModel, int cores, long memoryBytes,
        String javaVendor, String javaVersion, List<String> jvmArgs) {

    public EnvironmentFingerprint {
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    }

    /** This machine, with the given service JVM facts. */
    public static EnvironmentFingerprint current(String javaVendor, String javaVersion, List<String> jvmArgs) {
        return new EnvironmentFingerprint(
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"),
                readCpuModel().orElse("unknown"),
                Runtime.getRuntime().availableProcessors(),
                physicalMemory(),
                javaVendor,
                javaVersion,
                jvmArgs);
    }

    private static Optional<String> readCpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }
}
