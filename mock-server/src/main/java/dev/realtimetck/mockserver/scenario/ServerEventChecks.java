package dev.realtimetck.mockserver.scenario;

/** The server-event checks available to the scenario loader. */
final class ServerEventChecks {

    private ServerEventChecks() {
    }

    /** The protocol's server-event schemas (module {@code schema}), or no check where they are not available. */
    static ServerEventCheck protocolSchemas() {
        return ServerEventCheck.NONE;
    }
}
