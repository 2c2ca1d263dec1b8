package dev.perfgate.run;

import dev.perfgate.service.ServiceException;
import dev.perfgate.service.ServiceProcess;
import java.net.URI;

/**
 * Where trials go: the service perfgate started (null when the load targets a URL that is already up) and the
 * base URL, which follows the service's port — a restarted service may get another one.
 */
final class TrialTarget implements AutoCloseable {
    private final ServiceProcess service;
    private final URI baseUrl;

    TrialTarget(ServiceProcess service, URI baseUrl) {
        this.service = service;
        this.baseUrl = baseUrl;
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** Null without a service. */
    ServiceProcess service() {
        return service;
    }

    /** A crash is reported as a crash, not as a wall of connection errors. */
    void checkAlive() throws ServiceException {
        if (service != null) {
            service.checkAlive();
        }
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
    }
}
