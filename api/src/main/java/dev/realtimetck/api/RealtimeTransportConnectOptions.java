package dev.realtimetck.api;

import java.net.URI;

/**
 * Options of one {@link RealtimeTransportLayer#connect} call. Renders TypeScript
 * {@code RealtimeTransportLayerConnectOptions}. Every field is optional (null): a transport falls back to
 * what it was constructed with.
 *
 * @param apiKey the API key, or null to use the transport's own
 * @param model the model, or null for the transport's current model
 * @param url the WebSocket URL, or null for the transport's default
 * @param callId an existing call to attach to (SIP / WebRTC calls), or null
 * @param initialSessionConfig the session configuration sent right after the socket opens, or null
 */
public record RealtimeTransportConnectOptions(
        ApiKey apiKey, String model, URI url, String callId, RealtimeSessionConfig initialSessionConfig) {

    /** Options with every field unset. */
    public static RealtimeTransportConnectOptions defaults() {
        return new RealtimeTransportConnectOptions(null, null, null, null, null);
    }

    /** A builder with every field unset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RealtimeTransportConnectOptions}. */
    public static final class Builder {
        private ApiKey apiKey;
        private String model;
        private URI url;
        private String callId;
        private RealtimeSessionConfig initialSessionConfig;

        private Builder() {
        }

        /** Sets the key. */
        public Builder apiKey(ApiKey apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Sets a fixed key. */
        public Builder apiKey(String apiKey) {
            this.apiKey = ApiKey.of(apiKey);
            return this;
        }

        /** Sets the model. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Sets the URL. */
        public Builder url(URI url) {
            this.url = url;
            return this;
        }

        /** Sets the call id. */
        public Builder callId(String callId) {
            this.callId = callId;
            return this;
        }

        /** Sets the initial session configuration. */
        public Builder initialSessionConfig(RealtimeSessionConfig config) {
            this.initialSessionConfig = config;
            return this;
        }

        /** Builds the options. */
        public RealtimeTransportConnectOptions build() {
            return new RealtimeTransportConnectOptions(apiKey, model, url, callId, initialSessionConfig);
        }
    }
}
