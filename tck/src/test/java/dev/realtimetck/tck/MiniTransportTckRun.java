package dev.realtimetck.tck;

import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.tck.support.MiniTransport;

/** Runs the TCK on the minimal transport (launched by the self-tests, not by Surefire directly). */
public class MiniTransportTckRun extends RealtimeTransportTck {
    @Override
    public RealtimeTransportLayer createTransport(TckTransportSettings settings) {
        return new MiniTransport();
    }
}
