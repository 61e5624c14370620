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

    private final Map<String, Schema> clientSchemas;
    private final Map<String, Schema> serverSchemas;

    private ProtocolSchemas(Map<String, Schema> clientSchemas, Map<String, Schema> serverSchemas) {
        this.clientSchemas = clientSchemas;
        this.serverSchemas = serverSchemas;
    }

    /** Returns the shared instance; the schemas are loaded and compiled on the first call. */
    public static ProtocolSchemas get() {
        return Holder.INSTANCE;
    }

    /**
     * Validates an event a client sends to the server.
     *
     * @return the violations, empty when the event is valid; an unknown or missing {@code type} is one
     *     violation with pointer {@code /type}
     */
    public List<SchemaViolation> validateClientEvent(JsonNode event) {
        return validate(event, clientSchemas, "client");
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
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(SCHEMA_ID, text)));
        return new ProtocolSchemas(
                compile(registry, document, "ClientEvent"),
                compile(registry, document, "ServerEvent"));
    }

    private static Map<String, Schema> compile(SchemaRegistry registry, JsonNode document, String dispatcher) {
        JsonNode types = document.path("$defs").path(dispatcher).path("properties").path("type").path("enum");
        Set<String> names = new LinkedHashSet<>();
        types.forEach(t -> names.add(t.asString()));
        if (names.isEmpty()) {
            throw new IllegalStateException(RESOURCE + ": $defs/" + dispatcher + " lists no event types");
        }
        Map<String, Schema> compiled = new LinkedHashMap<>();
        for (String name : names) {
            Schema schema = registry.getSchema(SchemaLocation.of(SCHEMA_ID + "#/$defs/" + name));
            schema.initializeValidators();
            compiled.put(name, schema);
        }
        return Collections.unmodifiableMap(compiled);
    }
}
