package dev.realtimetck.tck.runner;

import dev.realtimetck.tck.ClientEventRules;
import dev.realtimetck.tck.ConnectionRules;
import dev.realtimetck.tck.ResilienceRules;
import dev.realtimetck.tck.SequencingRules;
import dev.realtimetck.tck.ServerEventRules;
import dev.realtimetck.tck.ThreadingRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps the rule tests of the chosen groups: a test belongs to the group interface that declares its method. (A
 * class implementing every group interface inherits every group tag, so tags cannot tell the groups apart there.)
 */
final class GroupFilter implements PostDiscoveryFilter {

    private static final Map<String, Class<?>> INTERFACES = Map.of("conn", ConnectionRules.class,
            "client", ClientEventRules.class, "server", ServerEventRules.class, "seq", SequencingRules.class,
            "resil", ResilienceRules.class, "thread", ThreadingRules.class);

    private final Set<Class<?>> keep;

    GroupFilter(List<String> groups) {
        this.keep = groups.stream().map(INTERFACES::get).collect(Collectors.toSet());
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!(descriptor.getSource().orElse(null) instanceof MethodSource source)) {
            return FilterResult.included("container");
        }
        Class<?> declaring = source.getJavaMethod().getDeclaringClass();
        return keep.contains(declaring) ? FilterResult.included("group selected")
                : FilterResult.excluded(declaring.getSimpleName() + " not selected");
    }
}
