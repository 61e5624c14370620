package dev.realtimetck.mockserver.core;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inbound path of one session, run on its serial executor: parses each client text frame, answers frames
 * the protocol rejects with its {@code error} event (and drops them, with a debug line), validates, captures
 * audio, records the event for the test API and hands it to the behaviour.
 */
final class ClientEventIntake {

    private static final Logger LOG = LoggerFactory.getLogger(ClientEventIntake.class);

    private final MockSession session;
    private final JsonMapper mapper;
    private final EventChecks checks;
    private final ClientEventJournal journal;
    private final InputAudioCapture audio;

    ClientEventIntake(MockSession session, JsonMapper mapper, EventChecks checks, ClientEventJournal journal,
                      InputAudioCapture audio) {
        this.session = session;
        this.mapper = mapper;
        this.checks = checks;
        this.journal = journal;
        this.audio = audio;
    }

    void onBinary(int length) {
        LOG.debug("session {}: dropped a binary client frame of {} bytes", session.id(), length);
        sendError("invalid_event",
                "Binary WebSocket frames are not supported; send each client event as a JSON text frame.", null,
                null);
    }

    void onText(String text) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JacksonException e) {
            LOG.debug("session {}: dropped a client frame that is not JSON: {}", session.id(), e.getOriginalMessage());
            sendError("invalid_json", "The client event is not valid JSON: " + e.getOriginalMessage(), null, null);
            return;
        }
        if (node == null || !node.isObject()) {
            String got = node == null ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
            LOG.debug("session {}: dropped a client frame that is not a JSON object ({})", session.id(), got);
            sendError("invalid_json", "The client event must be a JSON object, got " + got + ".", null, null);
            return;
        }
        ObjectNode event = (ObjectNode) node;
        JsonNode type = event.get("type");
        if (type == null || !type.isString()) {
            journal.addEvent(event);
            LOG.debug("session {}: dropped a client event without a string type", session.id());
            if (type == null) {
                // as the API reference's example error: code invalid_event, param null
                sendError("invalid_event", "The 'type' field is missing.", null, event);
            } else {
                sendError("invalid_type", "Invalid type for 'type': expected a string, but got "
                        + type.getNodeType().toString().toLowerCase(Locale.ROOT) + ".", "type", event);
            }
            return;
        }
        if (!ClientEventTypes.isKnown(type.asString())) {
            journal.addEvent(event);
            LOG.debug("session {}: dropped a client event of unknown type {}", session.id(), type.asString());
            sendError("invalid_value", ClientEventTypes.unknownTypeMessage(type.asString()), "type", event);
            return;
        }
        if (!valid(event, type.asString())) {
            return;
        }
        audio.accept(event);
        journal.addEvent(event);
        session.deliver(type.asString(), event);
    }

    /** False when strict validation rejected the event (answered with an error); warn mode records a problem. */
    private boolean valid(ObjectNode event, String type) {
        List<EventValidator.Violation> violations = checks.client(event);
        if (violations.isEmpty()) {
            return true;
        }
        if (checks.mode() == ValidationMode.STRICT) {
            EventValidator.Violation first = violations.get(0);
            journal.addEvent(event);
            LOG.debug("session {}: dropped client event {} that violates the schema: {}", session.id(), type,
                    EventChecks.describe(violations));
            sendError(EventChecks.codeFor(first), first.message(), first.param(), event);
            return false;
        }
        session.reportProblem("client event " + type + " violates the schema: " + EventChecks.describe(violations));
        return true;
    }

    private void sendError(String code, String message, String param, ObjectNode clientEvent) {
        session.send(ProtocolErrors.invalidRequest(code, message, param, clientEvent));
    }
}
