package dev.perfgate.testing.apps;

import dev.perfgate.service.AttachedRecording;
import dev.perfgate.service.JfrAttach;
import dev.perfgate.service.JmxTarget;
import java.time.Duration;

/**
 * Stands in for the Maven JVM: starts a JFR recording in the JVM whose pid is the first argument, prints
 * {@code RECORDING=<id>}, then waits to be interrupted. Its shutdown hook must stop and close that recording.
 */
public final class AttachLauncher {
    public static void main(String[] args) throws Exception {
        // Deliberately not closed: the shutdown hook is what is under test.
        AttachedRecording recording = AttachedRecording.start(
                new JfrAttach(new JmxTarget.Pid(Long.parseLong(args[0])), "default"), Duration.ofHours(1));
        System.out.println("RECORDING=" + recording.id());
        System.out.flush();
        Thread.sleep(300_000);
    }
}
