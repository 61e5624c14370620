package dev.realtimetck.mockserver.core;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/** Applies the server's {@link ValidationMode} to events in both directions, with the seam {@link EventValidator}. */
final class EventChecks {

    private final EventValidator validator;
    private final ValidationMode mode;

    EventChecks(EventValidator validator, ValidationMode mode) {
        this.validator = validator;
        this.mode = mode;
    }

    ValidationMode mode() {
        return mode;
    }

    /** The schema violations of a client event; empty when valid or when validation is off. */
    List<EventValidator.Violation> client(ObjectNode event) {
        return mode == ValidationMode.OFF ? List.of() : validator.validateClientEvent(event);
    }

    /** The schema violations of a server event; empty when valid or when validation is off. */
    List<EventValidator.Violation> server(ObjectNode event) {
        return mode == ValidationMode.OFF ? List.of() : validator.validateServerEvent(event);
    }

    /** The real API's error code for a violation, from the wording of its message. */
    static String codeFor(EventValidator.Violation violation) {
        String message = violation.message() == null ? "" : violation.message().toLowerCase(Locale.ROOT);
        if (message.contains("required") || message.contains("missing")) {
            return "missing_required_parameter";
        }
        if (message.contains("unknown") || message.contains("not defined") || message.contains("additional")) {
            return "unknown_parameter";
        }
        if (message.contains(" found, ") && message.contains(" expected")) {
            return "invalid_type";
        }
        return "invalid_value";
    }

    /** One line per violation, {@code param: message}, joined with {@code "; "}. */
    static String describe(List<EventValidator.Violation> violations) {
        return lines(violations).stream().collect(Collectors.joining("; "));
    }

    static List<String> lines(List<EventValidator.Violation> violations) {
        return violations.stream()
                .map(v -> (v.param() == null ? "" : v.param() + ": ") + v.message())
                .collect(Collectors.toList());
    }
}
