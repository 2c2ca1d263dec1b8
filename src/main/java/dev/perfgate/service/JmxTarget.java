package dev.perfgate.service;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * A JVM that perfgate did not start, reached over JMX so that it can record JFR there: by process id (the Attach API
 * starts the JVM's local, loopback-only management agent) or by a JMX service URL.
 */
public sealed interface JmxTarget permits JmxTarget.Pid, JmxTarget.Url {
    /** How long to wait for a connection: a firewalled host would otherwise hang for the OS's connect timeout. */
    Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /** For logs and messages; never includes credentials. */
    String describe();

    /** Opens a JMX connection; the caller closes it. */
    JMXConnector connect() throws ServiceException;

    /** A JVM on this machine, run by the same user, found by its process id. */
    record Pid(long pid) implements JmxTarget {
        private static final String HINT = "the service must run as the same user as Maven, on a JDK (not a JRE), "
                + "without -XX:+DisableAttachMechanism%s, and see the same /tmp (not in another container); "
                + "otherwise use jfrJmxUrl";

        public Pid {
            if (pid <= 0) {
                throw new IllegalArgumentException("jfrAttachPid must be a process id above 0, not " + pid);
            }
        }

        @Override
        public String describe() {
            return "pid " + pid;
        }

        @Override
        public JMXConnector connect() throws ServiceException {
            if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
                throw new ServiceException("no process with pid " + pid + " to record JFR in "
                        + "(jfrAttachPid); start the service first and pass its pid (jps -l lists Java processes)");
            }
            if (pid == ProcessHandle.current().pid()) {
                throw new ServiceException("jfrAttachPid " + pid + " is the build's own JVM; pass the pid "
                        + "of the service under test");
            }
            String address;
            try {
                address = localAgent();
            } catch (LinkageError e) {
                throw new ServiceException("the JVM running Maven has no Attach API (module jdk.attach) to "
                        + "attach to pid " + pid + "; run Maven on a full JDK, or use jfrJmxUrl", e);
            }
            try {
                return JmxTarget.connect(new JMXServiceURL(address), Map.of(), describe());
            } catch (MalformedURLException e) {
                throw new ServiceException("pid " + pid + " gave an unusable JMX address " + address, e);
            }
        }

        /** Attaches and starts the target's local JMX agent; returns its connector address. */
        private String localAgent() throws ServiceException {
            // HotSpot's attach sends SIGQUIT to a process that has no attach socket yet, and SIGQUIT ends a process
            // that is not a JVM; JDK 17 does not check first. Attach only to JVMs that announce themselves.
            boolean listed = VirtualMachine.list().stream().map(VirtualMachineDescriptor::id)
                    .anyMatch(id -> id.equals(Long.toString(pid)));
            if (!listed) {
                throw new ServiceException("pid " + pid + " is not a JVM this user can attach to (jps -l "
                        + "does not list it): " + HINT.formatted(" or -XX:-UsePerfData"));
            }
            VirtualMachine vm;
            try {
                vm = VirtualMachine.attach(Long.toString(pid));
            } catch (AttachNotSupportedException | IOException | RuntimeException e) {
                throw new ServiceException("cannot attach to pid " + pid + " to record JFR (" + e + "); "
                        + HINT.formatted(""), e);
            }
            try {
                return vm.startLocalManagementAgent();
            } catch (IOException | RuntimeException e) {
                throw new ServiceException("pid " + pid + " did not start its local JMX agent (" + e
                        + "); " + HINT.formatted(""), e);
            } finally {
                try {
                    vm.detach();
                } catch (IOException ignored) {
                    // the JMX connection does not need the attach channel
                }
            }
        }
    }

    /**
     * A JMX service URL such as {@code service:jmx:rmi:///jndi/rmi://host:9010/jmxrmi}, with optional credentials.
     * The URL is shown in logs; the credentials never are.
     */
    record Url(String serviceUrl, String username, String password) implements JmxTarget {
        public Url {
            Objects.requireNonNull(serviceUrl, "serviceUrl");
            serviceUrl = serviceUrl.trim();
            username = username == null || username.isEmpty() ? null : username;
            password = password == null || password.isEmpty() ? null : password;
            if ((username == null) != (password == null)) {
                throw new IllegalArgumentException("jfrJmxUsername and jfrJmxPassword go together; set both, or "
                        + "neither for a JMX agent without authentication");
            }
            try {
                new JMXServiceURL(serviceUrl);
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("jfrJmxUrl '" + serviceUrl + "' is not a JMX service URL ("
                        + e.getMessage() + "); write it like service:jmx:rmi:///jndi/rmi://host:9010/jmxrmi");
            }
        }

        @Override
        public String describe() {
            return serviceUrl;
        }

        @Override
        public JMXConnector connect() throws ServiceException {
            Map<String, Object> environment = new HashMap<>();
            if (username != null) {
                environment.put(JMXConnector.CREDENTIALS, new String[] {username, password});
            }
            try {
                return JmxTarget.connect(new JMXServiceURL(serviceUrl), environment, serviceUrl);
            } catch (MalformedURLException e) {
                throw new ServiceException("jfrJmxUrl '" + serviceUrl + "' is not a JMX service URL", e);
            }
        }

        @Override
        public String toString() {
            return "Url[" + serviceUrl + (username == null ? "" : ", user " + username + ", password ***") + "]";
        }
    }

    /** Connects within {@link #CONNECT_TIMEOUT}; a connection that arrives after the timeout is closed. */
    private static JMXConnector connect(JMXServiceURL url, Map<String, ?> environment, String shown)
            throws ServiceException {
        FutureTask<JMXConnector> task = new FutureTask<>(() -> JMXConnectorFactory.connect(url, environment));
        Thread connecting = new Thread(task, "perfgate-jmx-connect");
        connecting.setDaemon(true);
        connecting.start();
        try {
            return task.get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            Thread closer = new Thread(() -> {
                try {
                    task.get().close();
                } catch (Exception ignored) {
                    // it never connected
                }
            }, "perfgate-jmx-abandon");
            closer.setDaemon(true);
            closer.start();
            throw new ServiceException("no JMX connection to " + shown + " within "
                    + CONNECT_TIMEOUT.toSeconds() + " s; check host, port and firewall", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof SecurityException
                    ? " refused the credentials (" + cause.getMessage() + "); check jfrJmxUsername and jfrJmxPassword"
                    : " is unreachable (" + rootMessage(cause) + "); check that the service runs with "
                    + "-Dcom.sun.management.jmxremote.port=<port> (and .rmi.port, .host), that host and port are "
                    + "reachable from here, and whether the agent wants credentials or TLS";
            throw new ServiceException("JMX at " + shown + why, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted while connecting to JMX at " + shown, e);
        }
    }

    /** The innermost cause says what happened ("Connection refused"); the outer ones only where. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
