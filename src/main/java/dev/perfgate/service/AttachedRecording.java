package dev.perfgate.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import jdk.management.jfr.FlightRecorderMXBean;
import jdk.management.jfr.RecordingInfo;

/**
 * A JFR recording perfgate runs in a JVM it did not start, through that JVM's {@link FlightRecorderMXBean}: started
 * before the warm-up, one file per trial copied out of it, stopped and closed at the end, whatever happens.
 *
 * <pre>{@code
 * try (AttachedRecording recording = AttachedRecording.start(new JfrAttach(new JmxTarget.Pid(pid), "profile"),
 *         Duration.ofHours(2))) {
 *     ... warm up, run a trial ...
 *     recording.copy(out.resolve("trial-1.jfr"), trialBegin, trialEnd);
 * }
 * }</pre>
 *
 * <p>What the MXBean does not tell you (read from the JDK 17 and 25 sources, checked by AttachedRecordingTest):
 * <ul>
 *   <li>{@code openStream} on a running recording fails ("Recording must be stopped before it can be read"). A
 *       {@code takeSnapshot()} is a stopped recording over all recorded chunks, and taking it ends the chunk being
 *       written, so the snapshot reaches up to now; the window is streamed out of the snapshot, which is then
 *       closed. That is what {@code jcmd JFR.dump begin= end=} does inside the JVM.</li>
 *   <li>As with jcmd, the copy holds whole chunks overlapping the window: readers filter events by time.</li>
 *   <li>maxAge and maxSize 0 mean unbounded: nothing of a long run is dropped; the chunks stay in the target's
 *       JFR repository (its temp directory) until the recording is closed.</li>
 *   <li>JFR's stack depth is fixed when JFR starts in a JVM (64 frames unless the service was started with
 *       {@code -XX:FlightRecorderOptions=stackdepth=...}); a recording started over JMX cannot change it.</li>
 * </ul>
 *
 * <p>Closing stops and closes the recording and the connection; a JVM shutdown hook closes recordings still open
 * when the build is interrupted (Ctrl-C). Against SIGKILL of the build, the recording has a {@code duration}:
 * the target JVM stops it by itself after the safety limit given to {@link #start}.
 */
public final class AttachedRecording implements AutoCloseable {
    public static final String RECORDING_NAME = JfrOptions.RECORDING_NAME;
    /** Bytes per JMX round trip; the MXBean's default, 50 kB, makes a copy of a few MB take hundreds of calls. */
    private static final int BLOCK_SIZE = 1 << 20;

    private final JmxTarget target;
    private final JMXConnector connector;
    private final FlightRecorderMXBean jfr;
    private final long id;
    private final Duration safetyStop;
    private final List<String> otherRecordings;
    private final Object closeLock = new Object();
    private volatile boolean closed;
    private volatile String closeProblem;

    private AttachedRecording(JmxTarget target, JMXConnector connector, FlightRecorderMXBean jfr, long id,
            Duration safetyStop, List<String> otherRecordings) {
        this.target = target;
        this.connector = connector;
        this.jfr = jfr;
        this.id = id;
        this.safetyStop = safetyStop;
        this.otherRecordings = otherRecordings;
    }

    /**
     * Connects to the JVM and starts a recording named {@value #RECORDING_NAME} in it.
     *
     * @param safetyStop the target JVM stops the recording by itself after this long, in case this build is killed
     *                   before it can; longer than the whole measurement. Null for none.
     * @throws ServiceException with one actionable line when the JVM cannot be reached or does not record
     */
    public static AttachedRecording start(JfrAttach attach, Duration safetyStop) throws ServiceException {
        String jfc = attach.settings().endsWith(".jfc") ? readJfc(Path.of(attach.settings())) : null;
        JmxTarget target = attach.target();
        JMXConnector connector = target.connect();
        AttachedRecording recording = null;
        try {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName name = new ObjectName(FlightRecorderMXBean.MXBEAN_NAME);
            if (!server.isRegistered(name)) {
                throw new ServiceException(target.describe() + " has no FlightRecorder MBean ("
                        + name + "); it needs a JVM with JFR and the jdk.management.jfr module (JDK 11+, or a jlink "
                        + "image that includes it)");
            }
            FlightRecorderMXBean jfr = JMX.newMXBeanProxy(server, name, FlightRecorderMXBean.class);
            List<String> others = jfr.getRecordings().stream().filter(r -> "RUNNING".equals(r.getState()))
                    .map(r -> "'" + r.getName() + "' (id " + r.getId() + ")").toList();
            long id = jfr.newRecording();
            recording = new AttachedRecording(target, connector, jfr, id, safetyStop, others);
            try {
                ServiceRegistry.register(recording);
            } catch (IllegalStateException e) {
                throw new ServiceException("not recording JFR in " + target.describe() + ": the build "
                        + "JVM is shutting down", e);
            }
            if (jfc != null) {
                jfr.setConfiguration(id, jfc);
            } else {
                predefined(jfr, id, attach.settings(), target);
            }
            jfr.setRecordingSettings(id, withoutPrivateEvents(jfr.getRecordingSettings(id)));
            jfr.setRecordingOptions(id, options(safetyStop));
            jfr.startRecording(id);
            return recording;
        } catch (ServiceException e) {
            abandon(recording, connector);
            throw e;
        } catch (IOException | JMException | RuntimeException e) {
            abandon(recording, connector);
            throw new ServiceException("cannot start a JFR recording in " + target.describe() + ": "
                    + describe(e), e);
        }
    }

    /** The settings with {@link JfrOptions#PRIVATE_EVENTS_OFF}: the copies must not carry the JVM's secrets. */
    static Map<String, String> withoutPrivateEvents(Map<String, String> settings) {
        Map<String, String> changed = new java.util.HashMap<>(settings);
        for (String option : JfrOptions.PRIVATE_EVENTS_OFF) {
            int eq = option.indexOf('=');
            changed.put(option.substring(0, eq), option.substring(eq + 1));
        }
        return changed;
    }

    private static Map<String, String> options(Duration safetyStop) {
        Map<String, String> options = new java.util.HashMap<>(Map.of("name", RECORDING_NAME, "maxAge", "0 s",
                "maxSize", "0", "disk", "true", "dumpOnExit", "false"));
        if (safetyStop != null) {
            options.put("duration", Math.max(1, safetyStop.toSeconds()) + " s");
        }
        return options;
    }

    private static void predefined(FlightRecorderMXBean jfr, long id, String settings, JmxTarget target)
            throws ServiceException {
        try {
            jfr.setPredefinedConfiguration(id, settings);
        } catch (IllegalArgumentException e) {
            List<String> known = jfr.getConfigurations().stream().map(c -> c.getName()).toList();
            throw new ServiceException("jfrSettings '" + settings + "' is not a JFR configuration "
                    + target.describe() + " knows (it knows " + String.join(", ", known) + "); use one of them or "
                    + "the path of a .jfc file", e);
        }
    }

    private static String readJfc(Path file) throws ServiceException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new ServiceException("cannot read the JFR settings file " + file.toAbsolutePath()
                    + " (jfrSettings): " + e + "; give an existing .jfc file, or profile / default", e);
        }
    }

    /**
     * Copies the recording of [begin, end] into {@code file}, replacing it. Like a jcmd dump, the file holds the
     * whole chunks that overlap the window.
     *
     * @return the absolute path of the written file
     * @throws ServiceException when the JVM is gone, the recording was stopped, or the window has no data
     */
    public Path copy(Path file, Instant begin, Instant end) throws ServiceException {
        if (end.isBefore(begin)) {
            throw new IllegalArgumentException("JFR window ends before it begins: " + begin + " .. " + end);
        }
        Path path = file.toAbsolutePath();
        try {
            checkRunning();
            Files.createDirectories(path.getParent());
            Files.deleteIfExists(path);
            long snapshot = jfr.takeSnapshot();
            try {
                long stream = jfr.openStream(snapshot, Map.of("startTime", begin.toString(),
                        "endTime", end.toString(), "blockSize", Integer.toString(BLOCK_SIZE)));
                try (OutputStream out = Files.newOutputStream(path)) {
                    for (byte[] block = jfr.readStream(stream); block != null; block = jfr.readStream(stream)) {
                        out.write(block);
                    }
                } finally {
                    quietly(() -> jfr.closeStream(stream));
                }
            } finally {
                quietly(() -> jfr.closeRecording(snapshot));
            }
            if (Files.size(path) == 0) {
                throw new IOException("the copy is empty");
            }
            return path;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a partial file is removed by the next run's clean-up
            }
            throw new ServiceException("cannot copy the JFR window " + begin + " .. " + end + " out of "
                    + target.describe() + " into " + path + ": " + describe(e) + "; is the service still running?",
                    e);
        }
    }

    private void checkRunning() throws ServiceException {
        if (closed) {
            throw new IllegalStateException("the recording was closed");
        }
        Optional<RecordingInfo> ours = jfr.getRecordings().stream().filter(r -> r.getId() == id).findFirst();
        if (ours.isEmpty()) {
            throw new ServiceException("the JFR recording '" + RECORDING_NAME + "' (id " + id + ") in "
                    + target.describe() + " was closed by someone else (jcmd JFR.stop?); run again");
        }
        if (!"RUNNING".equals(ours.get().getState())) {
            throw new ServiceException("the JFR recording '" + RECORDING_NAME + "' (id " + id + ") in "
                    + target.describe() + " is " + ours.get().getState() + ", not running"
                    + (safetyStop == null ? "" : " (it stops itself after " + (safetyStop.toSeconds() < 120
                    ? safetyStop.toSeconds() + " s" : safetyStop.toMinutes() + " min") + ")")
                    + "; something stopped it (jcmd JFR.stop?), run again");
        }
    }

    /** The JVM as shown in logs: "pid 1234" or the JMX URL. */
    public String target() {
        return target.describe();
    }

    /** The recording's id in the target JVM. */
    public long id() {
        return id;
    }

    /**
     * Recordings that were already running in the target when this one started, e.g. "'x' (id 1)": JFR records the
     * union of all running recordings' settings, so theirs add to this one's (and to its overhead).
     */
    public List<String> otherRecordings() {
        return otherRecordings;
    }

    /** Why {@link #close()} could not stop the recording, if it could not: a line for the user. */
    public Optional<String> closeProblem() {
        return Optional.ofNullable(closeProblem);
    }

    /** Stops and closes the recording, then the connection. Idempotent; never throws. */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                try {
                    jfr.stopRecording(id);
                } catch (IllegalStateException alreadyStopped) {
                    // stopped by its safety duration, or never started: closing is what matters
                }
                jfr.closeRecording(id);
            } catch (IOException | RuntimeException e) {
                boolean gone = target instanceof JmxTarget.Pid pid && ProcessHandle.of(pid.pid()).isEmpty();
                if (!gone) {
                    String pid = target instanceof JmxTarget.Pid p ? Long.toString(p.pid()) : "<pid>";
                    closeProblem = "could not stop the JFR recording '" + RECORDING_NAME + "' (id " + id
                            + ") in " + target.describe() + " (" + describe(e) + "); if that JVM still runs, stop it "
                            + "with jcmd " + pid + " JFR.stop name=" + id;
                }
            } finally {
                try {
                    connector.close();
                } catch (IOException | RuntimeException ignored) {
                    // the connection is dropped with the JVM that ends, or by the server's lease
                }
                ServiceRegistry.unregister(this);
            }
        }
    }

    private static void abandon(AttachedRecording recording, JMXConnector connector) {
        if (recording != null) {
            recording.close();
            return;
        }
        try {
            connector.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing was started
        }
    }

    private interface Call {
        void run() throws IOException;
    }

    private static void quietly(Call call) {
        try {
            call.run();
        } catch (IOException | RuntimeException ignored) {
            // cleaning up after a copy; its own error, if any, is the one to report
        }
    }

    /** Remote failures arrive wrapped (UndeclaredThrowableException around an IOException): name the cause. */
    private static String describe(Throwable e) {
        Throwable shown = e;
        while ((shown instanceof java.lang.reflect.UndeclaredThrowableException || shown.getMessage() == null)
                && shown.getCause() != null && shown.getCause() != shown) {
            shown = shown.getCause();
        }
        return shown.getClass().getSimpleName() + (shown.getMessage() == null ? "" : ": " + shown.getMessage());
    }

    @Override
    public String toString() {
        return "JFR recording " + id + " in " + target.describe();
    }
}
