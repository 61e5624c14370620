package dev.realtimetck.tck.adversarial;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Base of the frame-level bugs: hooks that know their seam, with helpers that recognise the frames of each sending
 * method. {@link Rewrite} changes matching outgoing frames in place.
 */
abstract class FrameBug implements FrameHooks {

    FrameSeam seam;
    private int connection;
    private int sessionUpdates;

    /** Counts the session.update frames of the current connection; the first is the initial one (A1). */
    final boolean firstSessionUpdateOfConnection(ObjectNode frame) {
        if (!"session.update".equals(Json.type(frame))) {
            return false;
        }
        if (connection != seam.opened()) {
            connection = seam.opened();
            sessionUpdates = 0;
        }
        return ++sessionUpdates == 1;
    }

    static boolean isType(ObjectNode frame, String type) {
        return type.equals(Json.type(frame));
    }

    /** A session.update carrying a whole configuration (initial or updateSessionConfig), not the tracing follow-up. */
    static boolean isFullSessionUpdate(ObjectNode frame) {
        ObjectNode session = Json.at(frame, "session");
        return isType(frame, "session.update") && session != null
                && (session.has("audio") || session.has("output_modalities") || session.has("model"));
    }

    /** The tracing follow-up of A3: a session.update with nothing but type and tracing. */
    static boolean isTracingUpdate(ObjectNode frame) {
        ObjectNode session = Json.at(frame, "session");
        if (!isType(frame, "session.update") || session == null || !session.has("tracing")) {
            return false;
        }
        for (String key : session.propertyNames()) {
            if (!key.equals("type") && !key.equals("tracing")) {
                return false;
            }
        }
        return true;
    }

    /** A conversation.item.create of sendMessage/addImage: a message item without a client id. */
    static boolean isUserMessageCreate(ObjectNode frame) {
        ObjectNode item = Json.at(frame, "item");
        return isType(frame, "conversation.item.create") && item != null && "message".equals(Json.text(item, "type"))
                && !item.has("id");
    }

    /** A conversation.item.create written by resetHistory: a message item with its id. */
    static boolean isHistoryCreate(ObjectNode frame) {
        ObjectNode item = Json.at(frame, "item");
        return isType(frame, "conversation.item.create") && item != null && "message".equals(Json.text(item, "type"))
                && item.has("id");
    }

    static boolean isItemOfType(ObjectNode frame, String itemType) {
        return isType(frame, "conversation.item.create") && itemType.equals(Json.text(Json.at(frame, "item"), "type"));
    }

    /** The turn_detection object of a full session.update, or null. */
    static ObjectNode turnDetection(ObjectNode frame) {
        return Json.at(frame, "session", "audio", "input", "turn_detection");
    }

    /** Every audio format object of a session.update (input and output). */
    static java.util.List<ObjectNode> formats(ObjectNode frame) {
        java.util.List<ObjectNode> list = new java.util.ArrayList<>();
        for (String side : new String[] {"input", "output"}) {
            ObjectNode format = Json.at(frame, "session", "audio", side, "format");
            if (format != null) {
                list.add(format);
            }
        }
        return list;
    }

    /** Removes null-valued keys, recursively. */
    static void removeNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            java.util.List<String> nulls = new java.util.ArrayList<>();
            for (var entry : object.properties()) {
                if (entry.getValue().isNull()) {
                    nulls.add(entry.getKey());
                } else {
                    removeNulls(entry.getValue());
                }
            }
            nulls.forEach(object::remove);
        } else if (node != null && node.isArray()) {
            node.forEach(FrameBug::removeNulls);
        }
    }

    /** A bug that rewrites the outgoing frames it matches, in place. */
    abstract static class Rewrite extends FrameBug {
        abstract boolean matches(ObjectNode frame);

        abstract void rewrite(ObjectNode frame);

        @Override
        public void outgoing(ObjectNode frame, String text, FrameSeam.Out out) {
            if (frame != null && matches(frame)) {
                rewrite(frame);
                out.send(frame);
            } else {
                out.send(text);
            }
        }
    }
}
