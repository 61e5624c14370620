package dev.realtimetck.mockserver;

/** The defaults the server uses when a builder does not say otherwise. */
final class DefaultBehaviors {

    private DefaultBehaviors() {
    }

    static EventValidator validator() {
        return new SchemaEventValidator(dev.realtimetck.mockserver.schema.ProtocolSchemas.get());
    }
}
