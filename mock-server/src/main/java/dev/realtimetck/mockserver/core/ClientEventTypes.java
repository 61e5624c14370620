package dev.realtimetck.mockserver.core;

import java.util.List;
import java.util.Set;

/** The client event types of the Realtime GA protocol, in the order the real API lists them in errors. */
final class ClientEventTypes {

    static final List<String> ALL = List.of(
            "session.update",
            "input_audio_buffer.append",
            "input_audio_buffer.commit",
            "input_audio_buffer.clear",
            "conversation.item.create",
            "conversation.item.retrieve",
            "conversation.item.truncate",
            "conversation.item.delete",
            "response.create",
            "response.cancel",
            "output_audio_buffer.clear");

    private static final Set<String> SET = Set.copyOf(ALL);

    private ClientEventTypes() {
    }

    static boolean isKnown(String type) {
        return SET.contains(type);
    }

    /** The real API's message for an unknown {@code type}: the value and the supported values, quoted. */
    static String unknownTypeMessage(String type) {
        StringBuilder message = new StringBuilder("Invalid value: '").append(type)
                .append("'. Supported values are: ");
        for (int i = 0; i < ALL.size(); i++) {
            message.append(i == 0 ? "" : i == ALL.size() - 1 ? ", and " : ", ").append('\'').append(ALL.get(i))
                    .append('\'');
        }
        return message.append('.').toString();
    }
}
