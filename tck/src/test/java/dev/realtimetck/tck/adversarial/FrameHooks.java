package dev.realtimetck.tck.adversarial;

import java.net.URI;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a frame-level bug changes. Every method defaults to "pass through unchanged"; a bug overrides one of them.
 * Outgoing and incoming hooks are called one frame at a time, in wire order.
 */
interface FrameHooks {

    /** The hooks that change nothing. */
    FrameHooks NONE = new FrameHooks() {
    };

    /** The URL the socket is opened on. */
    default URI uri(URI uri) {
        return uri;
    }

    /** The upgrade request headers (name to values, in the order the transport added them); mutable. */
    default void headers(Map<String, List<String>> headers, URI uri) {
    }

    /**
     * A text frame the transport wrote. Put what reaches the wire into {@code out}: nothing drops it, several
     * frames split or duplicate it.
     *
     * @param frame the parsed frame (a private copy the hook may change), or null when it is not a JSON object
     * @param text the frame as written
     */
    default void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
        out.send(text);
    }

    /** A whole text frame from the server: deliver what the transport sees (nothing drops it). */
    default void incoming(ObjectNode frame, String text, FrameSeam.In in) {
        in.deliver(text);
    }

    /** A mark a decorator put in the outbound stream ({@link BuggyTransport#mark}); it never reaches the wire. */
    default void mark(String name, ObjectNode payload, FrameSeam.Out out) {
    }

    /** The URL finally opened, after {@link #headers} ran (a bug that moves a header into the URL). */
    default URI finalUri(URI uri) {
        return uri;
    }

    /** Whether the socket's close callback reaches the transport. */
    default boolean deliverClose() {
        return true;
    }

    /**
     * Whether each write waits for the previous one (the JDK socket allows one outstanding send). False models a
     * transport that fires {@code sendText} without awaiting its future: a send that overlaps another fails with
     * {@link IllegalStateException}, which such a transport swallows.
     */
    default boolean awaitWrites() {
        return true;
    }
}
