package dev.realtimetck.tck.adversarial;

import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.tck.RealtimeTransportTck;
import dev.realtimetck.tck.TckTransportSettings;

/**
 * The whole TCK on the bug harness with no bug: the reference transport behind the frame seam and the tapping
 * decorator. It must pass exactly as the reference does, so that every catalogue entry differs from the reference
 * only by its own bug.
 */
class TransparentHarnessTckTest extends RealtimeTransportTck {

    @Override
    public RealtimeTransportLayer createTransport(TckTransportSettings settings) {
        FrameSeam seam = new FrameSeam();
        return new BuggyTransport(Harness.reference(settings, seam), seam);
    }
}
