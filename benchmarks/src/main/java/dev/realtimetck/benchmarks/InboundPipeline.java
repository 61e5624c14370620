package dev.realtimetck.benchmarks;

/** The inbound path of a transport without its socket: one call per received text frame. */
@FunctionalInterface
public interface InboundPipeline {

    /**
     * Processes one server text frame completely (parse, route, dispatch to listeners) before returning.
     *
     * @param frame one JSON server event as received on the socket
     */
    void onFrame(String frame);
}
