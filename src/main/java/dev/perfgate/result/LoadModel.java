package dev.perfgate.result;

/** How requests are generated. */
public enum LoadModel {
    /**
     * Constant arrival rate: request i is due at t0 + i/rate whatever the service does, and its latency is
     * measured from that intended time, so a stalled service cannot hide its stall (coordinated omission).
     */
    OPEN,
    /**
     * Fixed concurrency: each connection sends its next request when the previous answer arrives. A capacity
     * probe: its latencies are service times only and are labelled as such.
     */
    CLOSED
}
