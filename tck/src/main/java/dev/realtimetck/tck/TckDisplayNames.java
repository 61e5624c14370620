package dev.realtimetck.tck;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Display names that start with the rule: {@code RT-CONN-003 MUST: <sentence> [methodName]}. Test classes and
 * interfaces keep their simple names.
 */
public final class TckDisplayNames extends DisplayNameGenerator.Standard {

    /** Used by JUnit. */
    public TckDisplayNames() {
    }

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
                                               Method testMethod) {
        TckRule rule = testMethod.getAnnotation(TckRule.class);
        if (rule == null) {
            return super.generateDisplayNameForMethod(enclosingInstanceTypes, testClass, testMethod);
        }
        return forRule(rule.value(), testMethod.getName());
    }

    /** The display name of a test of {@code ruleId} implemented by {@code methodName}. */
    static String forRule(String ruleId, String methodName) {
        return RuleCatalogue.standard().find(ruleId)
                .map(r -> r.id() + " " + r.level() + ": " + r.sentence() + " [" + methodName + "]")
                .orElse(ruleId + " (not in the catalogue) [" + methodName + "]");
    }
}
