package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleCatalogueTest {

    private static RuleCatalogue parse(String json) {
        return RuleCatalogue.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void standardCatalogueIsWellFormed() {
        RuleCatalogue catalogue = RuleCatalogue.standard();
        assertThat(catalogue.rules()).hasSizeGreaterThan(40);
        Set<String> sentences = new HashSet<>();
        for (Rule rule : catalogue.rules()) {
            assertThat(sentences.add(rule.sentence())).as("duplicate sentence in %s", rule.id()).isTrue();
            assertThat(rule.sentence()).as(rule.id()).endsWith(".");
            assertThat(catalogue.groups()).containsKey(rule.group());
        }
        assertThat(catalogue.rule("RT-CONN-003").level()).isEqualTo(RuleLevel.MUST);
    }

    @Test
    void malformedCataloguesAreRejectedNamingTheProblem() {
        String head = "{\"tckVersion\":\"1\",\"groups\":{\"CONN\":\"c\"},\"rules\":[";
        assertThatThrownBy(() -> parse(head + "{\"id\":\"RT-CONN-001\",\"level\":\"OFTEN\",\"group\":\"CONN\","
                + "\"source\":\"C1\",\"sentence\":\"s.\"}]}")).hasMessageContaining("RT-CONN-001").hasMessageContaining("level");
        assertThatThrownBy(() -> parse(head + "{\"id\":\"RT-CONN-1\",\"level\":\"MUST\",\"group\":\"CONN\","
                + "\"source\":\"C1\",\"sentence\":\"s.\"}]}")).hasMessageContaining("RT-<GROUP>-NNN");
        assertThatThrownBy(() -> parse(head + "{\"id\":\"RT-CONN-001\",\"level\":\"MUST\",\"group\":\"CONN\","
                + "\"source\":\"C1\"}]}")).hasMessageContaining("sentence");
        assertThatThrownBy(() -> parse(head + "{\"id\":\"RT-CONN-001\",\"level\":\"MUST\",\"group\":\"CONN\","
                + "\"source\":\"C1\",\"sentence\":\"s.\",\"capability\":\"teleport\"}]}")).hasMessageContaining("teleport");
        String rule = "{\"id\":\"RT-CONN-001\",\"level\":\"MUST\",\"group\":\"CONN\",\"source\":\"C1\",\"sentence\":\"s.\"}";
        assertThatThrownBy(() -> parse(head + rule + "," + rule + "]}")).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> parse("[1,2")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> RuleCatalogue.standard().rule("RT-NOPE-001")).hasMessageContaining("RT-NOPE-001");
    }

    @Test
    void specListsEveryRule() {
        String spec = RuleCatalogue.standard().toSpecMarkdown();
        RuleCatalogue.standard().rules().forEach(r -> assertThat(spec).contains("| " + r.id() + " | " + r.level()));
    }
}
