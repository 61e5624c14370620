package dev.realtimetck.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Both directions: every catalogue rule has a test, and every test names a catalogue rule of its own group. */
class CatalogueCoverageTest {

    static List<Class<?>> groups() {
        List<Class<?>> groups = new ArrayList<>();
        for (Class<?> type : RealtimeTransportTck.class.getInterfaces()) {
            if (type != TransportUnderTest.class) {
                groups.add(type);
            }
        }
        return groups;
    }

    static List<Method> ruleTests() {
        List<Method> methods = new ArrayList<>();
        for (Class<?> group : groups()) {
            for (Method m : group.getDeclaredMethods()) {
                if (m.isAnnotationPresent(TckRule.class)) {
                    methods.add(m);
                }
            }
        }
        return methods;
    }

    @Test
    void everyRuleHasATestAndEveryTestNamesAnExistingRule() {
        RuleCatalogue catalogue = RuleCatalogue.standard();
        Set<String> tested = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        for (Method m : ruleTests()) {
            String id = m.getAnnotation(TckRule.class).value();
            tested.add(id);
            if (catalogue.find(id).isEmpty()) {
                unknown.add(id + " (" + m.getDeclaringClass().getSimpleName() + "." + m.getName() + ")");
            }
        }
        Set<String> untested = new TreeSet<>();
        catalogue.rules().forEach(r -> {
            if (!tested.contains(r.id())) {
                untested.add(r.id());
            }
        });
        assertThat(unknown).as("@TckRule ids missing from rules.json").isEmpty();
        assertThat(untested).as("catalogue rules without a @TckRule test").isEmpty();
    }

    @Test
    void everyGroupInterfaceHoldsOnlyItsOwnRulesAndIsTagged() {
        Set<String> groupTags = new LinkedHashSet<>();
        for (Class<?> group : groups()) {
            Tag tag = group.getAnnotation(Tag.class);
            assertThat(tag).as("%s has a @Tag", group.getSimpleName()).isNotNull();
            groupTags.add(tag.value());
            for (Method m : group.getDeclaredMethods()) {
                TckRule rule = m.getAnnotation(TckRule.class);
                if (rule != null) {
                    String code = RuleCatalogue.standard().rule(rule.value()).group();
                    assertThat(code.toLowerCase(java.util.Locale.ROOT)).as("%s.%s tests %s", group.getSimpleName(), m.getName(), rule.value())
                            .isEqualTo(tag.value());
                }
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        RuleCatalogue.standard().groups().keySet().forEach(g -> codes.add(g.toLowerCase(java.util.Locale.ROOT)));
        assertThat(groupTags).as("every catalogue group has a test interface").containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void displayNamesStartWithTheRule() {
        for (Method m : ruleTests()) {
            String id = m.getAnnotation(TckRule.class).value();
            String name = TckDisplayNames.forRule(id, m.getName());
            assertThat(name).startsWith(id + " " + RuleCatalogue.standard().rule(id).level() + ": ")
                    .endsWith("[" + m.getName() + "]");
        }
    }
}
