package dev.perfgate.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Picks a free TCP port for the service, so that builds running side by side (CI agents, a developer's two
 * terminals) do not fight over a fixed one.
 *
 * <p>The port is only free at the moment it is read: between closing our socket and the service binding it, another
 * process could take it. That window is short and a clash shows up as a clear "never got ready" or "exited early"
 * failure, which is why nothing more elaborate (passing a bound socket to the child) is attempted.
 */
public final class PortAllocator {
    private PortAllocator() {
    }

    /** A port on 127.0.0.1 that nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            // No SO_REUSEADDR: on some systems it would let us "find" a port another socket still holds.
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free TCP port on 127.0.0.1", e);
        }
    }
}
