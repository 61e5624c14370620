package dev.realtimetck.tck.example;

import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.referencetransport.RealtimeWebSocketTransport;
import dev.realtimetck.referencetransport.RealtimeWebSocketTransportBuilder;
import dev.realtimetck.tck.RealtimeTransportTck;
import dev.realtimetck.tck.TckTransportSettings;

// EXAMPLE-START
/** Runs the whole TCK on the reference transport: the one class an implementer writes. */
public class ExampleTransportTckTest extends RealtimeTransportTck {

    @Override
    public RealtimeTransportLayer createTransport(TckTransportSettings settings) {
        return referenceTransport(settings);
    }

    /** Builds the reference transport for the TCK's mock server. */
    public static RealtimeTransportLayer referenceTransport(TckTransportSettings settings) {
        RealtimeWebSocketTransportBuilder builder = RealtimeWebSocketTransport.builder()
                .url(settings.url())
                // a connect bound below the TCK's signal wait, so that RT-RESIL-005 sees it act; a response.create
                // bound between one and three signal waits, so that RT-SEQ-009 sees it act while the other
                // sequencing rules can tell a queue the server released from one the timeout released
                .connectTimeout(settings.signalTimeout().dividedBy(2))
                .responseCreateTimeout(settings.signalTimeout().multipliedBy(2));
        if (settings.apiKey() != null) {
            builder.apiKey(settings.apiKey());
        }
        return builder.build();
    }
}
// EXAMPLE-END
