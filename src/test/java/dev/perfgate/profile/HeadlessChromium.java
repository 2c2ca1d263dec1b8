package dev.perfgate.profile;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Opens a page from disk in headless Chromium and returns the DOM after its scripts ran, and the console. */
final class HeadlessChromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");

    private HeadlessChromium() {
    }

    record Rendered(String dom, String log) {
    }

    /** The chromium on the PATH, or null. */
    static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    static Rendered open(Path chromium, Path page, Path workDir) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-");
        Path dom = workDir.resolve(page.getFileName() + ".dom");
        Path log = workDir.resolve(page.getFileName() + ".log");
        // as root (CI) Chromium needs --no-sandbox; the rest keeps it off this machine's closed network
        Process p = new ProcessBuilder(chromium.toString(), "--headless", "--disable-gpu", "--no-sandbox",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0", "--dump-dom",
                page.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not render " + page + " within 120 s; see " + log);
        }
        return new Rendered(Files.readString(dom), Files.readString(log));
    }
}
