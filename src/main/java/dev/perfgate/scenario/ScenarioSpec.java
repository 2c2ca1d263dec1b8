package dev.perfgate.scenario;

import dev.perfgate.load.ExternalLoad;
import dev.perfgate.service.Placeholders;
import dev.perfgate.service.Readiness;
import dev.perfgate.service.ServiceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.HdrHistogram.Histogram;

/**
 * A Java scenario as perfgate runs it: a forked JVM with {@link ScenarioRunner} as its main class, started and profiled
 * as a service, and the scenario's identity for the load hash.
 */
public final class ScenarioSpec {
    /** The tool's id in run.json's load.external. */
    public static final String TOOL = "java";
    /** Where the {@link ScenarioEngine} finds the runner: the port perfgate gives the fork. */
    public static final String BASE_URL = "http://127.0.0.1:" + Placeholders.PORT;

    private ScenarioSpec() {
    }

    /**
     * The fork's launch, to be completed by the caller (JVM options, log file, JFR, timeouts).
     *
     * @param className     the scenario class, e.g. {@code com.example.SearchScenario}
     * @param testClasspath the project's test classpath: the scenario, the code it exercises and their dependencies
     */
    public static ServiceSpec.Builder service(String className, List<Path> testClasspath) {
        // The project's entries first, so that its own versions of anything win; perfgate's runner and HdrHistogram
        // after them (they use only long-stable HdrHistogram API).
        Set<Path> classpath = new LinkedHashSet<>(testClasspath);
        classpath.add(codeSource(ScenarioRunner.class));
        classpath.add(codeSource(Histogram.class));
        return ServiceSpec.mainClass(ScenarioRunner.class.getName(), new ArrayList<>(classpath))
                .args(className)
                .readiness(Readiness.http(BASE_URL + "/ready"));
    }

    /** The request name operations are recorded and gated under: the class's simple name. */
    public static String requestName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return simple.substring(simple.lastIndexOf('$') + 1);
    }

    /** The scenario's identity: tool "java", the class name, the hash of its class file, the request name. */
    public static ExternalLoad identity(String className, List<Path> testClasspath) {
        return new ExternalLoad(TOOL, className, sha256(className, testClasspath),
                Map.of("name", requestName(className)));
    }

    /** True when the class file is in one of the classpath's directories or jars. */
    public static boolean onClasspath(String className, List<Path> classpath) {
        return classBytes(className, classpath) != null;
    }

    private static String sha256(String className, List<Path> classpath) {
        byte[] bytes = classBytes(className, classpath);
        if (bytes == null) {
            return null;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] classBytes(String className, List<Path> classpath) {
        String entry = className.replace('.', '/') + ".class";
        for (Path element : classpath) {
            try {
                if (Files.isDirectory(element)) {
                    Path file = element.resolve(entry);
                    if (Files.isRegularFile(file)) {
                        return Files.readAllBytes(file);
                    }
                } else if (Files.isRegularFile(element)) {
                    try (ZipFile zip = new ZipFile(element.toFile())) {
                        ZipEntry found = zip.getEntry(entry);
                        if (found != null) {
                            try (InputStream in = zip.getInputStream(found)) {
                                return in.readAllBytes();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // an unreadable element: look on; the fork reports a class it cannot load
            }
        }
        return null;
    }

    private static Path codeSource(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell which jar holds " + type.getName());
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell which jar holds " + type.getName() + ": " + e.getMessage(), e);
        }
    }
}
