package dev.realtimetck.mockserver.scenario;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks a scripted server event at load time; returns readable violations, empty when the event is valid. */
@FunctionalInterface
public interface ServerEventCheck {

    /** Accepts every event. */
    ServerEventCheck NONE = event -> List.of();

    List<String> violations(JsonNode event);
}
