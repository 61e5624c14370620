package dev.realtimetck.mockserver.admin;

import java.util.Locale;
import java.util.Objects;

/**
 * An extra admin route, registered with {@code MockRealtimeServer.Builder#adminRoute}.
 *
 * @param method the HTTP method ({@code GET}, {@code POST}, ...)
 * @param path the path template below {@code /__admin}, starting with {@code /}; {@code {name}} parts become
 *     {@link AdminRequest#pathParameters()}, for example {@code /scenarios/{name}}
 * @param action what answers
 */
public record AdminRoute(String method, String path, AdminAction action) {

    /** Validates and normalises the method to upper case. */
    public AdminRoute {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', was '" + path + "'");
        }
        Objects.requireNonNull(action, "action");
    }
}
