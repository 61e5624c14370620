package dev.realtimetck.referencetransport.protocol;

/**
 * Where the protocol writes client frames. Implementations write one text frame per call, in call order.
 */
@FunctionalInterface
public interface FrameSink {

    /**
     * Writes one text frame.
     *
     * @param frame the whole JSON text of one client event
     * @throws RuntimeException for example when the socket is gone; the protocol handles it per rule D8
     */
    void sendText(String frame);
}
