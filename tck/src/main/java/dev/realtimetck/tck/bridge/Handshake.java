package dev.realtimetck.tck.bridge;

import dev.realtimetck.tck.Capability;
import dev.realtimetck.tck.TransportCapabilities;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The first line an adapter writes: protocol version, adapter and transport names and versions, declared
 * capabilities.
 *
 * @param protocol the bridge protocol version the adapter speaks
 * @param adapterName the adapter's name
 * @param adapterVersion the adapter's version
 * @param transportName the transport the adapter wraps (for example {@code @openai/agents-realtime
 *     OpenAIRealtimeWebSocket})
 * @param transportVersion the transport's version
 * @param capabilities the capabilities the adapter declares for its transport
 */
public record Handshake(int protocol, String adapterName, String adapterVersion, String transportName,
                        String transportVersion, TransportCapabilities capabilities) {

    /** Validates the fields. */
    public Handshake {
        Objects.requireNonNull(adapterName, "adapterName");
        Objects.requireNonNull(adapterVersion, "adapterVersion");
        Objects.requireNonNull(transportName, "transportName");
        Objects.requireNonNull(transportVersion, "transportVersion");
        Objects.requireNonNull(capabilities, "capabilities");
    }

    /**
     * Parses a handshake line's object.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    static Handshake parse(Map<String, Object> m) {
        if (!(m.get("protocol") instanceof Number protocol)) {
            throw new IllegalArgumentException("handshake.protocol: expected a number, found " + m.get("protocol"));
        }
        Map<String, Object> adapter = BridgeCodec.asObject(m.get("adapter"), "handshake.adapter");
        Map<String, Object> transport = BridgeCodec.asObject(m.get("transport"), "handshake.transport");
        Map<String, Object> caps = BridgeCodec.asObject(m.get("capabilities"), "handshake.capabilities");
        TransportCapabilities declared = TransportCapabilities.webSocketDefaults();
        for (Map.Entry<String, Object> e : caps.entrySet()) {
            if (!(e.getValue() instanceof Boolean present)) {
                throw new IllegalArgumentException("handshake.capabilities." + e.getKey() + ": expected a boolean");
            }
            Capability capability;
            try {
                capability = Capability.named(e.getKey());
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("handshake.capabilities." + e.getKey() + ": " + unknown.getMessage(),
                        unknown);
            }
            declared = declared.with(capability, present);
        }
        return new Handshake(protocol.intValue(), text(adapter, "name", "handshake.adapter.name"),
                text(adapter, "version", "handshake.adapter.version"),
                text(transport, "name", "handshake.transport.name"),
                text(transport, "version", "handshake.transport.version"), declared);
    }

    private static String text(Map<String, Object> m, String key, String what) {
        if (m.get(key) instanceof String s && !s.isBlank()) {
            return s;
        }
        throw new IllegalArgumentException(what + ": expected a non-empty string, found " + m.get(key));
    }

    /** The report header entries: adapter, transport, protocol. */
    public Map<String, String> reportHeader() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("adapter", adapterName + " " + adapterVersion);
        out.put("transport", transportName + " " + transportVersion);
        out.put("bridgeProtocol", Integer.toString(protocol));
        return out;
    }
}
