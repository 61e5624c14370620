package dev.realtimetck.tck.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.tck.ConnectionRules;
import dev.realtimetck.tck.ServerEventRules;
import dev.realtimetck.tck.TckTransportSettings;
import dev.realtimetck.tck.ThreadingRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every line both sides of a bridged run write conforms to the versioned JSON Schema of the protocol
 * ({@code bridge-protocol-1.schema.json}), and the run used every message kind. The run: the connection, server-event
 * and threading rules over the bridge on {@link JavaReferenceAdapter}.
 */
class BridgeSchemaTest {

    private static final String SCHEMA = "/dev/realtimetck/tck/bridge/bridge-protocol-1.schema.json";

    /** Three rule groups over the bridge (connect with key suppliers, every event type, listener failures). */
    static class SchemaRun implements ConnectionRules, ServerEventRules, ThreadingRules {
        @Override
        public RealtimeTransportLayer createTransport(TckTransportSettings settings) {
            return BridgedTransport.create(BridgeProcesses.forCommand(JavaAdapters.command(), settings.signalTimeout()),
                    settings);
        }
    }

    @Test
    void everyLineOfABridgedRunConformsToTheSchema() throws IOException {
        List<String[]> lines = new CopyOnWriteArrayList<>();
        BridgeProcess.tap = (side, line) -> lines.add(new String[] {side, line});
        try {
            EngineTestKit.engine("junit-jupiter").selectors(DiscoverySelectors.selectClass(SchemaRun.class))
                    .configurationParameters(Map.of("tck.reportDir", "none", "tck.signalTimeoutMs", "2000"))
                    .execute();
        } finally {
            BridgeProcess.tap = null;
            BridgeProcesses.closeAll();
        }
        Schema schema = schema();
        JsonMapper json = JsonMapper.builder().build();
        Set<String> kinds = new TreeSet<>();
        List<String> invalid = new ArrayList<>();
        for (String[] entry : lines) {
            JsonNode node = json.readTree(entry[1]);
            kinds.add(entry[0] + ":" + node.path("kind").asString());
            List<Error> errors = schema.validate(node);
            if (!errors.isEmpty() && invalid.size() < 10) {
                invalid.add(entry[0] + " " + cut(entry[1]) + " -> " + errors);
            }
        }
        assertThat(invalid).as("lines that do not conform to " + SCHEMA).isEmpty();
        assertThat(kinds).as("message kinds seen").contains("adapter:handshake", "adapter:response", "adapter:event",
                "adapter:apiKey", "tck:request", "tck:ack", "tck:apiKeyResult");
    }

    @Test
    void theSchemaRejectsWhatTheTckRejects() throws IOException {
        Schema schema = schema();
        JsonMapper json = JsonMapper.builder().build();
        for (String bad : List.of("{\"kind\":\"gossip\"}",
                "{\"kind\":\"event\",\"seq\":0,\"transport\":\"t1\",\"event\":\"audio_done\"}",
                "{\"kind\":\"event\",\"seq\":3,\"transport\":\"t1\",\"event\":\"no_such_event\"}",
                "{\"kind\":\"handshake\",\"protocol\":2,\"adapter\":{\"name\":\"a\",\"version\":\"1\"},"
                        + "\"transport\":{\"name\":\"t\",\"version\":\"1\"},\"capabilities\":{}}",
                "{\"kind\":\"response\",\"id\":4}",
                "{\"kind\":\"event\",\"seq\":5,\"transport\":\"t1\",\"event\":\"connection_change\",\"payload\":\"open\"}")) {
            assertThat(schema.validate(json.readTree(bad))).as("errors for " + bad).isNotEmpty();
        }
    }

    private static Schema schema() throws IOException {
        String text;
        try (InputStream in = BridgeSchemaTest.class.getResourceAsStream(SCHEMA)) {
            assertThat(in).as(SCHEMA + " on the class path").isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String id = JsonMapper.builder().build().readTree(text).path("$id").asString();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(id, text)));
        Schema schema = registry.getSchema(SchemaLocation.of(id));
        schema.initializeValidators();
        return schema;
    }

    private static String cut(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
