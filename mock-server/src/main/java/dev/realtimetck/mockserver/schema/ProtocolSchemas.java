package dev.realtimetck.mockserver.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The project's JSON Schemas (draft 2020-12) for every client and server event of the OpenAI Realtime GA
 * protocol, pre-compiled once per event type.
 *
 * <p>Validation dispatches on the event's {@code type} to the compiled schema of that type, so checking
 * one event costs one schema evaluation. Instances are immutable and safe to share between threads.
 * The schema document is the classpath resource {@value #RESOURCE}.
 */
public final class ProtocolSchemas {

    /** Classpath location of the combined schema document (also usable by editors). */
    public static final String RESOURCE = "dev/realtimetck/mockserver/schemas/realtime-events.schema.json";

    /** The {@code $id} of the combined schema document. */
    public static final String SCHEMA_ID = "https://realtimetck.dev/schemas/realtime-events.schema.json";

    private static final class Holder {
        static final ProtocolSchemas INSTANCE = load();
    }

    /** The {@code $id} of the closed variant client events are checked against (see {@link #validateClientEvent}). */
    static final String CLOSED_SCHEMA_ID = "https://realtimetck.dev/schemas/realtime-events.closed.schema.json";

    private final Map<String, Schema> clientSchemas;
    private final Map<String, Schema> lenientClientSchemas;
    private final Map<String, Schema> serverSchemas;

    private ProtocolSchemas(Map<String, Schema> clientSchemas, Map<String, Schema> lenientClientSchemas,
                            Map<String, Schema> serverSchemas) {
        this.clientSchemas = clientSchemas;
        this.lenientClientSchemas = lenientClientSchemas;
        this.serverSchemas = serverSchemas;
    }

    /** Returns the shared instance; the schemas are loaded and compiled on the first call. */
    public static ProtocolSchemas get() {
        return Holder.INSTANCE;
    }

    /**
     * Validates an event a client sends to the server as the GA API does: besides the schema, an unknown or
     * retired field anywhere in the event ({@code session.turn_detection}, {@code session.modalities}) is a
     * violation ("Unknown parameter: 'session.turn_detection'.").
     *
     * @return the violations, empty when the event is valid; an unknown or missing {@code type} is one
     *     violation with pointer {@code /type}
     */
    public List<SchemaViolation> validateClientEvent(JsonNode event) {
        // a failing branch drops its annotations, so the closed check would also call known fields unknown:
        // the schema's own violations come first, unknown fields are reported when there are none
        List<SchemaViolation> violations = validate(event, lenientClientSchemas, "client");
        return violations.isEmpty() ? deepest(validate(event, clientSchemas, "client")) : violations;
    }

    /**
     * A failing inner object takes the annotations of the objects around it along, which then report their own
     * known fields as unknown too: a violation is kept only when no other one lies deeper inside its parent.
     */
    private static List<SchemaViolation> deepest(List<SchemaViolation> violations) {
        return violations.stream()
                .filter(v -> {
                    String parent = v.pointer().substring(0, Math.max(0, v.pointer().lastIndexOf('/')));
                    int depth = depth(v.pointer());
                    return violations.stream().noneMatch(w -> w.pointer().startsWith(parent + "/")
                            && depth(w.pointer()) > depth);
                })
                .toList();
    }

    private static int depth(String pointer) {
        return (int) pointer.chars().filter(c -> c == '/').count();
    }

    /**
     * Validates a client event like {@link #validateClientEvent(JsonNode)}, but accepts unknown fields inside
     * the event's objects (the event's top level stays closed): the mock server's {@code --lenient} mode.
     */
    public List<SchemaViolation> validateClientEventLeniently(JsonNode event) {
        return validate(event, lenientClientSchemas, "client");
    }

    /**
     * Validates an event the server sends to a client.
     *
     * @return the violations, empty when the event is valid; an unknown or missing {@code type} is one
     *     violation with pointer {@code /type}
     */
    public List<SchemaViolation> validateServerEvent(JsonNode event) {
        return validate(event, serverSchemas, "server");
    }

    /** The {@code type} values of all client events, in protocol order. */
    public Set<String> clientEventTypes() {
        return clientSchemas.keySet();
    }

    /** The {@code type} values of all server events, in protocol order. */
    public Set<String> serverEventTypes() {
        return serverSchemas.keySet();
    }

    private static List<SchemaViolation> validate(JsonNode event, Map<String, Schema> schemas, String side) {
        if (event == null || !event.isObject()) {
            return List.of(new SchemaViolation(null, "", "",
                    "The " + side + " event must be a JSON object."));
        }
        JsonNode typeNode = event.get("type");
        if (typeNode == null || !typeNode.isString()) {
            return List.of(new SchemaViolation(null, "/type", "type",
                    "The " + side + " event has no string 'type'."));
        }
        String type = typeNode.asString();
        Schema schema = schemas.get(type);
        if (schema == null) {
            return List.of(new SchemaViolation(type, "/type", "type",
                    "'" + type + "' is not a known " + side + " event type."));
        }
        List<Error> errors = schema.validate(event);
        if (errors.isEmpty()) {
            return List.of();
        }
        return ViolationMapper.toViolations(type, errors);
    }

    private static ProtocolSchemas load() {
        String text;
        try (InputStream in = ProtocolSchemas.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from the class path: " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        JsonNode document = JsonMapper.shared().readTree(text);
        ObjectNode closed = (ObjectNode) ClosedObjects.close(document);
        closed.put("$id", CLOSED_SCHEMA_ID);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(SCHEMA_ID, text, CLOSED_SCHEMA_ID, closed.toString())));
        return new ProtocolSchemas(
                compile(registry, CLOSED_SCHEMA_ID, document, "ClientEvent"),
                compile(registry, SCHEMA_ID, document, "ClientEvent"),
                compile(registry, SCHEMA_ID, document, "ServerEvent"));
    }

    private static Map<String, Schema> compile(SchemaRegistry registry, String id, JsonNode document,
                                               String dispatcher) {
        JsonNode types = document.path("$defs").path(dispatcher).path("properties").path("type").path("enum");
        Set<String> names = new LinkedHashSet<>();
        types.forEach(t -> names.add(t.asString()));
        if (names.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": $defs/" + dispatcher + " lists no event types");
        }
        Map<String, Schema> compiled = new LinkedHashMap<>();
        for (String name : names) {
            Schema schema = registry.getSchema(SchemaLocation.of(id + "#/$defs/" + name));
            schema.initializeValidators();
            compiled.put(name, schema);
        }
        return Collections.unmodifiableMap(compiled);
    }
}
