package dev.perfgate.service;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cuts a time window out of a running JVM's JFR recording with {@code jcmd}, one file per trial.
 *
 * <p>Verified on JDK 17 and 25: {@code jcmd <pid> JFR.dump name=perfgate filename=<abs path>
 * begin=2026-11-27T01:12:29.123456789Z end=2026-11-27T01:12:32Z} — begin and end accept
 * {@link Instant#toString()} (they are tried with {@code LocalTime.parse}, {@code LocalDateTime.parse}, then
 * {@code Instant.parse}; the {@code Z} makes them unambiguous, unlike local times).
 *
 * <p>Things jcmd does not tell you:
 * <ul>
 *   <li>It exits with 0 even when the dump failed ("Could not find ...", "Dump failed. No data found in the
 *       specified interval."), so success is judged by its "Dumped recording" line and a non-empty file.</li>
 *   <li>The window is chunk-granular: the file holds whole recording chunks overlapping [begin, end], so it can
 *       contain events from before begin and after end. Readers filter events by start time themselves.</li>
 *   <li>Dumping a window that overlaps an earlier dump's window can fail with "No data found"; per-trial windows
 *       that follow one another are fine.</li>
 *   <li>A relative filename is resolved against the target JVM's working directory, hence absolute paths.</li>
 * </ul>
 */
public final class JfrControl {
    private static final long JCMD_TIMEOUT_SECONDS = 120;

    private JfrControl() {
    }

    /** Dumps with the {@code jcmd} of the JVM running this code. */
    public static Path dump(long pid, String recordingName, Path file, Instant begin, Instant end)
            throws ServiceException {
        return dump(jcmdFor(ServiceSpec.currentJava()), pid, recordingName, file, begin, end);
    }

    /**
     * Writes the part of recording {@code recordingName} of JVM {@code pid} between {@code begin} and {@code end}
     * to {@code file}, replacing it.
     *
     * @param jcmd the {@code jcmd} of the JDK that runs the target (see {@link #jcmdFor}); another JDK's jcmd may
     *             not attach, or may misread the recording
     * @return the absolute path of the written file
     * @throws ServiceException when jcmd fails, with its output
     */
    public static Path dump(Path jcmd, long pid, String recordingName, Path file, Instant begin, Instant end)
            throws ServiceException {
        if (end.isBefore(begin)) {
            throw new IllegalArgumentException("JFR window ends before it begins: " + begin + " .. " + end);
        }
        Path target = file.toAbsolutePath();
        List<String> command = List.of(jcmd.toString(), Long.toString(pid), "JFR.dump",
                "name=" + recordingName, "filename=" + target, "begin=" + begin, "end=" + end);
        String shown = String.join(" ", command);
        Path output = null;
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            output = Files.createTempFile("perfgate-jcmd-", ".txt");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ServiceException("jcmd did not finish JFR.dump within " + JCMD_TIMEOUT_SECONDS
                        + " s: " + shown + ". Is the service (pid " + pid + ") hung or out of memory?");
            }
            String text = Files.readString(output, Charset.defaultCharset()).strip();
            boolean written = Files.isRegularFile(target) && Files.size(target) > 0;
            if (process.exitValue() != 0 || !text.contains("Dumped recording") || !written) {
                throw new ServiceException("JFR dump failed (jcmd exit code " + process.exitValue() + "): " + shown
                        + ". Check that the service runs (pid " + pid + "), was started with JFR, and that the"
                        + " window lies within its recording." + System.lineSeparator() + "jcmd said: " + text);
            }
            return target;
        } catch (IOException e) {
            throw new ServiceException("Could not run jcmd for a JFR dump: " + shown + ": " + e.getMessage()
                    + ". Is " + jcmd + " there? perfgate needs a JDK, not a JRE, to run the service.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("Interrupted while waiting for " + shown, e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless
                }
            }
        }
    }

    /**
     * The {@code jcmd} next to {@code javaExecutable}, following symlinks such as {@code /usr/bin/java}; falls back to
     * the running JVM's when that JDK has none (a JRE).
     */
    public static Path jcmdFor(Path javaExecutable) {
        String name = javaExecutable.getFileName().toString().endsWith(".exe") ? "jcmd.exe" : "jcmd";
        try {
            Path jcmd = javaExecutable.toRealPath().getParent().resolve(name);
            if (Files.isExecutable(jcmd)) {
                return jcmd;
            }
        } catch (IOException | RuntimeException ignored) {
            // fall back below
        }
        return Path.of(System.getProperty("java.home"), "bin", name);
    }
}
