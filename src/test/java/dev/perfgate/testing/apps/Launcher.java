package dev.perfgate.testing.apps;

import dev.perfgate.service.Readiness;
import dev.perfgate.service.ServiceProcess;
import dev.perfgate.service.ServiceSpec;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Stands in for the Maven JVM: starts an EchoServer through {@link ServiceProcess}, prints {@code CHILD_PID=<pid>}
 * once it is ready, then waits to be interrupted. Its shutdown hook must take the EchoServer down. Argument: the log
 * file.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        ServiceSpec spec = ServiceSpec.mainClass(EchoServer.class.getName(),
                        Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                                .map(Path::of).toList())
                .logFile(Path.of(args[0]))
                .readiness(Readiness.http("http://127.0.0.1:${perfgate.port}/"))
                .build();
        // Deliberately not closed: the shutdown hook is what is under test.
        ServiceProcess service = ServiceProcess.start(spec);
        service.awaitReady();
        System.out.println("CHILD_PID=" + service.pid());
        System.out.flush();
        Thread.sleep(300_000);
    }
}
