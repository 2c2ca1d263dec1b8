package dev.perfgate.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Which JDK a java executable is: a baseline measured on JDK 17 says little about a run on JDK 25. */
final class JavaRuntimeProbe {
    record JavaRuntime(String vendor, String version) {
    }

    private JavaRuntimeProbe() {
    }

    static JavaRuntime current() {
        return new JavaRuntime(System.getProperty("java.vendor"), System.getProperty("java.version"));
    }

    /** Asks the executable itself; falls back to "unknown" rather than failing the run over a fingerprint. */
    static JavaRuntime of(Path javaExecutable) {
        try {
            Process p = new ProcessBuilder(javaExecutable.toString(), "-XshowSettings:properties", "-version")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return new JavaRuntime(property(out, "java.vendor"), property(out, "java.version"));
        } catch (Exception e) {
            return new JavaRuntime("unknown", "unknown");
        }
    }

    private static String property(String settings, String name) {
        for (String line : settings.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith(name + " = ")) {
                return trimmed.substring(name.length() + 3).trim();
            }
        }
        return "unknown";
    }
}
