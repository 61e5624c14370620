package dev.realtimetck.tck;

import dev.realtimetck.api.RealtimeTransportLayer;

/**
 * What every TCK group needs from the implementer: a factory for fresh transports and the declared capabilities.
 * {@link RealtimeTransportTck} implements it together with every rule group; implementing a single group
 * interface (which extends this one) runs that group alone.
 */
public interface TransportUnderTest {

    /**
     * Builds a fresh, unconnected transport. Called at most once per test; the TCK closes it after the test.
     *
     * @param settings the mock server URL and API key of this test
     * @return the transport under test
     */
    RealtimeTransportLayer createTransport(TckTransportSettings settings);

    /** What the transport supports; the default is the WebSocket profile of the reference transport. */
    default TransportCapabilities capabilities() {
        return TransportCapabilities.webSocketDefaults();
    }

    /**
     * Extra lines for the report header (for example the adapter and transport a bridged run names); the
     * default is none.
     */
    default java.util.Map<String, String> reportHeader() {
        return java.util.Map.of();
    }
}
