package dev.realtimetck.mockserver.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published document is usable as a whole (as an editor uses it): its root accepts every valid client
 * and server event and rejects unknown types and invalid events, through the ClientEvent / ServerEvent
 * dispatchers rather than the per-type schemas {@link ProtocolSchemas} compiles.
 */
class CombinedSchemaTest {

    private static Schema root;
    private static Schema clientEvent;
    private static Schema serverEvent;

    @BeforeAll
    static void load() throws IOException {
        String text;
        try (InputStream in = CombinedSchemaTest.class.getClassLoader().getResourceAsStream(ProtocolSchemas.RESOURCE)) {
            assertThat(in).as(ProtocolSchemas.RESOURCE).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String content = text;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(ProtocolSchemas.SCHEMA_ID, content)));
        root = registry.getSchema(SchemaLocation.of(ProtocolSchemas.SCHEMA_ID));
        clientEvent = registry.getSchema(SchemaLocation.of(ProtocolSchemas.SCHEMA_ID + "#/$defs/ClientEvent"));
        serverEvent = registry.getSchema(SchemaLocation.of(ProtocolSchemas.SCHEMA_ID + "#/$defs/ServerEvent"));
    }

    @Test
    void rootAcceptsEveryValidServerSample() {
        ServerEventsTest.validEvents().forEach((type, event) -> {
            assertThat(root.validate(Json.parse(event))).as(type).isEmpty();
            assertThat(serverEvent.validate(Json.parse(event))).as(type).isEmpty();
            assertThat(clientEvent.validate(Json.parse(event))).as(type).isNotEmpty();
        });
    }

    @Test
    void rootAcceptsEveryReferenceTransportFrame() {
        TransportFramesTest.frames().forEach(frame -> {
            assertThat(root.validate(Json.parse(frame))).as(frame).isEmpty();
            assertThat(clientEvent.validate(Json.parse(frame))).as(frame).isEmpty();
        });
    }

    @Test
    void dispatchersListTheSameTypesAsTheApi() {
        ProtocolSchemas schemas = ProtocolSchemas.get();
        assertThat(schemas.clientEventTypes()).hasSize(11).doesNotContainAnyElementsOf(schemas.serverEventTypes());
        assertThat(schemas.serverEventTypes()).hasSize(46);
    }

    @Test
    void rootRejectsUnknownTypesAndInvalidEvents() {
        assertThat(root.validate(Json.parse("{'type':'session.teleport'}"))).isNotEmpty();
        assertThat(root.validate(Json.parse("{'type':'conversation.item.truncate','item_id':'i'}"))).isNotEmpty();
        assertThat(clientEvent.validate(Json.parse("{'type':'conversation.item.truncate','item_id':'i'}")))
                .extracting(e -> e.getProperty())
                .containsExactlyInAnyOrder("content_index", "audio_end_ms");
    }
}
