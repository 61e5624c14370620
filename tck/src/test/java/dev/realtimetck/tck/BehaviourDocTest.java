package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** The document is part of the repository: every anchor a rule cites must exist in it. */
    @Test
    void everyCitedAnchorExistsInTheDocument() throws IOException {
        String doc = Files.readString(Path.of("..").resolve(BehaviourDoc.PATH), StandardCharsets.UTF_8);
        Set<String> anchors = new HashSet<>();
        Matcher explicit = Pattern.compile("<a id=\"([^\"]+)\"></a>").matcher(doc);
        while (explicit.find()) {
            anchors.add(explicit.group(1));
        }
        Matcher heading = Pattern.compile("(?m)^#{2,3} (.+)$").matcher(doc);
        while (heading.find()) {
            anchors.add(heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
        }
        for (Rule rule : RuleCatalogue.standard().rules()) {
            for (String id : BehaviourDoc.ids(rule.source())) {
                assertThat(anchors).as(rule.id() + " cites " + id).contains(BehaviourDoc.anchor(id));
            }
        }
    }
}
