package dev.realtimetck.mockserver.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void credentialQueryParametersBecomeSecretsRawAndDecoded() {
        assertThat(Redactor.secretQueryValues("model=gpt-realtime&api_key=ab%2Bcd&Token=t1&key=k9&x=1"))
                .containsExactly("ab%2Bcd", "ab+cd", "t1", "t1", "k9", "k9");
        assertThat(Redactor.secretQueryValues(null)).isEmpty();
        assertThat(Redactor.secretQueryValues("model=m&novalue&=x")).isEmpty();
    }

    @Test
    void urlsAndHeadersInTextAreRedacted() {
        Redactor redactor = new Redactor(List.of("Bearer plain.key.42", "plain.key.42"));
        assertThat(redactor.text("GET /v1/realtime?api_key=plain.key.42 Authorization: Bearer plain.key.42"))
                .isEqualTo("GET /v1/realtime?api_key=[redacted] Authorization: [redacted]");
        assertThat(redactor.text("wss://h/v1/realtime?key=sk-abcdefgh12345")).isEqualTo("wss://h/v1/realtime?key=[redacted]");
    }
}
