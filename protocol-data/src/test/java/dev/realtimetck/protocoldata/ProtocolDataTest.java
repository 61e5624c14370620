package dev.realtimetck.protocoldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtocolDataTest {

    @Test
    void everyNamedFileIsOnTheClassPath() {
        assertThat(ProtocolData.text(ProtocolData.OPENAPI_SUBSET)).contains("\"RealtimeServerEventSessionCreated\"");
        assertThat(ProtocolData.lines(ProtocolData.CLIENT_EXAMPLES)).hasSizeGreaterThan(5)
                .allSatisfy(line -> assertThat(line).startsWith("{\"schema\": \"RealtimeClientEvent"));
        assertThat(ProtocolData.lines(ProtocolData.SERVER_EXAMPLES)).hasSizeGreaterThan(30)
                .allSatisfy(line -> assertThat(line).startsWith("{\"schema\": \"RealtimeServerEvent"));
        assertThat(ProtocolData.text(ProtocolData.OPENAI_LICENSE)).startsWith("The MIT License");
    }

    @Test
    void corporaHaveTheSizesTheirReadmeStates() {
        assertThat(ProtocolData.lines(ProtocolData.corpus("response-audio"))).hasSize(110);
        assertThat(ProtocolData.lines(ProtocolData.corpus("response-text"))).hasSize(109);
        assertThat(ProtocolData.lines(ProtocolData.corpus("function-call"))).hasSize(16);
    }

    @Test
    void unknownNamesAreRejectedWithTheName() {
        assertThatThrownBy(() -> ProtocolData.corpus("nope"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name: no corpus 'nope'").hasMessageContaining("response-audio");
        assertThatThrownBy(() -> ProtocolData.open("missing.json"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.json");
    }
}
