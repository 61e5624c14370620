package dev.realtimetck.referencetransport;

import dev.realtimetck.referencetransport.protocol.RealtimeProtocol;
import java.nio.ByteBuffer;

/**
 * Hands whole inbound frames to the protocol and knows whether one is being processed: a disconnect during a frame
 * (a listener that closes the transport, or another thread while the frame's listeners run) skips that frame's
 * follow-ups and resets the protocol once the frame is done (section B). Guarded by the transport lock.
 */
final class FrameIntake {

    private final RealtimeProtocol protocol;
    private boolean processing;
    private boolean resetAfterFrame;

    FrameIntake(RealtimeProtocol protocol) {
        this.protocol = protocol;
    }

    void text(CharSequence frame) {
        processing = true;
        try {
            protocol.onTextFrame(frame);
        } finally {
            afterFrame();
        }
    }

    void binary(ByteBuffer frame) {
        processing = true;
        try {
            protocol.onBinaryFrame(frame);
        } finally {
            afterFrame();
        }
    }

    /** Forgets the protocol state of a connection that ended: now, or after the frame being processed. */
    void resetProtocol() {
        if (processing) {
            protocol.abortCurrentFrame();
            resetAfterFrame = true;
        } else {
            protocol.reset();
        }
    }

    private void afterFrame() {
        processing = false;
        if (resetAfterFrame) {
            resetAfterFrame = false;
            protocol.reset();
        }
    }
}
