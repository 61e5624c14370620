package dev.realtimetck.mockserver.core;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The query parameters and the credential-free headers of a session's WebSocket handshake. */
record Handshake(Map<String, List<String>> queryParameters, Map<String, String> headers) {

    static final Handshake NONE = new Handshake(Map.of(), Map.of());

    /** Headers that carry credentials: never kept. */
    private static final Set<String> SECRET = Set.of("authorization", "cookie", "sec-websocket-protocol",
            "sec-websocket-key", "proxy-authorization");

    Handshake {
        queryParameters = Map.copyOf(queryParameters);
        TreeMap<String, String> kept = new TreeMap<>();
        headers.forEach((k, v) -> {
            String name = k.toLowerCase(Locale.ROOT);
            if (!SECRET.contains(name)) {
                kept.put(name, v);
            }
        });
        headers = java.util.Collections.unmodifiableMap(kept);
    }

    Optional<String> query(String name) {
        List<String> values = queryParameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
