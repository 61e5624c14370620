package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BehaviourDocTest {

    @Test
    void ruleIdsConventionsAndSectionsHaveAnchors() {
        assertThat(BehaviourDoc.anchor("A14")).isEqualTo("a14");
        assertThat(BehaviourDoc.anchor(" X26 ")).isEqualTo("x26");
        assertThat(BehaviourDoc.anchor("0.3")).isEqualTo("sec-0-3");
        assertThat(BehaviourDoc.anchor("B")).isEqualTo("b-server-events-turned-into-transport-events");
        assertThatThrownBy(() -> BehaviourDoc.anchor("section 9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sourceId").hasMessageContaining("section 9");
    }

    @Test
    void sourcesBecomeReferencesAndLinks() {
        assertThat(BehaviourDoc.references("A4, 0.3"))
                .isEqualTo("docs/transport-behaviour.md#a4, docs/transport-behaviour.md#sec-0-3");
        assertThat(BehaviourDoc.markdownLinks("C17"))
                .isEqualTo("[C17](../docs/transport-behaviour.md#c17)");
    }

    @Test
    void everyCatalogueSourceResolves() {
        for (Rule rule : RuleCatalogue.standard().rules()) {
            assertThat(BehaviourDoc.references(rule.source())).as(rule.id()).startsWith(BehaviourDoc.PATH + "#");
        }
    }
}
