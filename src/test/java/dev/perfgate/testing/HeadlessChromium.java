package dev.perfgate.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a page from disk in headless Chromium and returns the DOM after its scripts ran, and the console; or takes
 * a screenshot of it for a person to look at. Public for the HTML report's browser test.
 */
public final class HeadlessChromium {
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");

    private HeadlessChromium() {
    }

    public record Rendered(String dom, String log) {
    }

    /** The chromium on the PATH, or null. */
    public static Path find() {
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

    public static Rendered open(Path chromium, Path page, Path workDir) throws IOException, InterruptedException {
        Path dom = workDir.resolve(page.getFileName() + ".dom");
        Path log = workDir.resolve(page.getFileName() + ".log");
        run(chromium, page, workDir, dom, log, "--dump-dom");
        return new Rendered(Files.readString(dom), Files.readString(log));
    }

    /**
     * Saves a PNG of the page's first {@code width} × {@code height} CSS pixels; returns Chromium's console log.
     */
    public static String screenshot(Path chromium, Path page, Path png, int width, int height, Path workDir)
            throws IOException, InterruptedException {
        Path log = workDir.resolve(page.getFileName() + ".screenshot.log");
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(chromium, page, workDir, workDir.resolve(page.getFileName() + ".screenshot.out"), log,
                "--hide-scrollbars", "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath());
        return Files.readString(log);
    }

    private static void run(Path chromium, Path page, Path workDir, Path out, Path log, String... mode)
            throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(workDir, "chromium-");
        // as root (CI) Chromium needs --no-sandbox; the rest keeps it off this machine's closed network
        List<String> command = new java.util.ArrayList<>(List.of(chromium.toString(), "--headless", "--disable-gpu",
                "--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(mode));
        command.add(page.toUri().toString());
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not render " + page + " within 120 s; see " + log);
        }
    }
}
