package dev.realtimetck.mockserver.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.realtimetck.protocoldata.ProtocolData;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event schemas of OpenAI's OpenAPI document (the subset in {@code realtime-protocol-data}), as a second,
 * independent check beside our own schema: tests validate what the mock server sends against them.
 */
public final class OfficialSchemas {

    private static final String DOC_URI = "urn:realtimetck:openapi-subset";

    private final SchemaRegistry registry;
    private final Map<String, String> serverSchemaByType = new HashMap<>();

    private OfficialSchemas() {
        String text = ProtocolData.text(ProtocolData.OPENAPI_SUBSET);
        JsonMapper.shared().readTree(text).path("components").path("schemas").properties().forEach(e -> {
            JsonNode typeEnum = e.getValue().path("properties").path("type").path("enum");
            if (e.getKey().startsWith("RealtimeServerEvent") && typeEnum.size() == 1) {
                serverSchemaByType.put(typeEnum.get(0).asString(), e.getKey());
            }
        });
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(Map.of(DOC_URI, text)));
    }

    /** Loads the document from the class path. */
    public static OfficialSchemas load() {
        return new OfficialSchemas();
    }

    /** The document's schema for a server event type, if it has one. */
    public Optional<Schema> serverEvent(String type) {
        return Optional.ofNullable(serverSchemaByType.get(type))
                .map(name -> registry.getSchema(SchemaLocation.of(DOC_URI + "#/components/schemas/" + name)));
    }

    /**
     * Validates a server event against the document's schema for its type.
     *
     * @return the errors, one line each; {@code "no schema for TYPE"} when the document has none
     */
    public List<String> validateServerEvent(JsonNode event) {
        String type = event.path("type").asString();
        return serverEvent(type)
                .map(schema -> schema.validate(event).stream().map(Error::toString).toList())
                .orElse(List.of("no schema for " + type));
    }
}
