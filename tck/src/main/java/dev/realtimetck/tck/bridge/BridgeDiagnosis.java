package dev.realtimetck.tck.bridge;

import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * When a rule test of a {@link BridgeTck} fails while the bridge broke (the adapter died, sent a malformed line, stopped
 * answering), the failure is reported as the {@link BridgeFailure} with the adapter's last standard-error lines, and
 * the rule's own check comes second: a timeout waiting for an event is then not mistaken for a transport's fault.
 */
public final class BridgeDiagnosis implements InvocationInterceptor {

    /** Used by JUnit. */
    public BridgeDiagnosis() {
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        if (!(context.getRequiredTestInstance() instanceof BridgeTck tck)) {
            invocation.proceed();
            return;
        }
        BridgeProcess before = tck.startedBridge();
        boolean wasAlive = before != null && before.isAlive();
        try {
            invocation.proceed();
        } catch (Throwable failure) {
            BridgeProcess after = tck.startedBridge();
            BridgeProcess broken = wasAlive && !before.isAlive() ? before
                    : after != null && !after.isAlive() ? after : null;
            if (failure instanceof BridgeFailure || broken == null) {
                throw failure;
            }
            throw new BridgeFailure(broken.failure() + "\nThe rule's own check then failed: " + failure, failure);
        }
    }
}
