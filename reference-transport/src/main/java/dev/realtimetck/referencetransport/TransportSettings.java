package dev.realtimetck.referencetransport;

import dev.realtimetck.api.ApiKey;
import dev.realtimetck.referencetransport.protocol.ProtocolOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * What {@link RealtimeWebSocketTransportBuilder} collected, checked and immutable.
 *
 * @param httpClient opens the sockets
 * @param apiKey the key used when the connect options give none; may be null
 * @param model the model used when the connect options name none
 * @param baseUrl the endpoint the default URLs are built on
 * @param url a fixed URL, null for none
 * @param connectTimeout the bound on the opening handshake
 * @param pingInterval the keep-alive interval, zero for none
 * @param protocolOptions the protocol's tunables
 */
record TransportSettings(HttpClient httpClient, ApiKey apiKey, String model, URI baseUrl, URI url,
                         Duration connectTimeout, Duration pingInterval, ProtocolOptions protocolOptions) {
}
