package dev.realtimetck.tck.bridge;

/**
 * The whole TCK over the bridge, on the reference transport inside {@link JavaReferenceAdapter} (a child JVM): every
 * rule runs unchanged on a {@link BridgedTransport}, and the verdicts must be those of the in-process run. Part of
 * {@code ./mvnw verify}; needs nothing but Java.
 */
class JavaAdapterBridgeTckTest extends BridgeTck {

    @Override
    protected String adapterCommand() {
        return JavaAdapters.commandLine();
    }
}
