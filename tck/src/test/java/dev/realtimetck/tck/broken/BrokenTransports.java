package dev.realtimetck.tck.broken;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.Subscription;
import dev.realtimetck.api.TransportEventType;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Deliberately broken transports: each violates one rule of the contract and nothing else on purpose. */
public final class BrokenTransports {

    private BrokenTransports() {
    }

    /** Never delivers connection_change (C2). */
    public static final class MissingConnectionChange extends ForwardingTransport {
        public MissingConnectionChange(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        @Override
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            return type == TransportEventType.CONNECTION_CHANGE ? () -> { } : delegate.on(type, listener);
        }
    }

    /** Delivers every transport event twice (C2: duplicate statuses). */
    public static final class DuplicateEvents extends ForwardingTransport {
        public DuplicateEvents(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        @Override
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            Subscription first = delegate.on(type, listener);
            Subscription second = delegate.on(type, listener);
            return () -> {
                first.remove();
                second.remove();
            };
        }
    }

    /** Puts a custom tracing configuration into the session.update of updateSessionConfig (A23). */
    public static final class LeakedTracing extends ForwardingTransport {
        public LeakedTracing(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        @Override
        public void updateSessionConfig(dev.realtimetck.api.RealtimeSessionConfig config) {
            if (config.tracing() instanceof dev.realtimetck.api.TracingConfig.Custom custom) {
                java.util.Map<String, Object> tracing = new java.util.LinkedHashMap<>();
                tracing.put("workflow_name", custom.workflowName());
                tracing.put("group_id", custom.groupId());
                delegate.sendEvent(RealtimeClientMessage.of(Map.of("type", "session.update",
                        "session", Map.of("type", "realtime", "tracing", tracing))));
            }
            delegate.updateSessionConfig(config);
        }
    }

    /** Encodes audio with the URL-safe base64 alphabet and without padding (A14). */
    public static final class WrongBase64 extends ForwardingTransport {
        public WrongBase64(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        @Override
        public void sendAudio(ByteBuffer audio, boolean commit) {
            if (delegate.status() != ConnectionStatus.CONNECTED) {
                return;
            }
            byte[] bytes = new byte[audio.remaining()];
            audio.duplicate().get(bytes);
            delegate.sendEvent(RealtimeClientMessage.of(Map.of("type", "input_audio_buffer.append",
                    "audio", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))));
            if (commit) {
                delegate.sendEvent(RealtimeClientMessage.of("input_audio_buffer.commit"));
            }
        }
    }

    /** Ignores the commit flag of sendAudio (A14). */
    public static final class NoCommit extends ForwardingTransport {
        public NoCommit(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        @Override
        public void sendAudio(ByteBuffer audio, boolean commit) {
            delegate.sendAudio(audio, false);
        }
    }

    /** Swallows server errors: error listeners are never called (B5). */
    public static final class SwallowedErrors extends ForwardingTransport {
        public SwallowedErrors(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        @Override
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            return type == TransportEventType.ERROR ? () -> { } : delegate.on(type, listener);
        }
    }

    /** Drops response requests made while a response is active, instead of holding them back (D3, X1). */
    public static final class LostResponseRequests extends ForwardingTransport {
        private final AtomicBoolean active = new AtomicBoolean();

        public LostResponseRequests(RealtimeTransportLayer delegate) {
            super(delegate);
            delegate.on(TransportEventType.TURN_STARTED, e -> active.set(true));
            delegate.on(TransportEventType.TURN_DONE, e -> active.set(false));
        }

        @Override
        public void requestResponse() {
            if (!active.get()) {
                delegate.requestResponse();
            }
        }

        @Override
        public void requestResponse(Map<String, Object> response) {
            if (!active.get()) {
                delegate.requestResponse(response);
            }
        }
    }

    /** Refuses to connect again once it was closed (C14). */
    public static final class NoReconnect extends ForwardingTransport {
        private final AtomicBoolean attempted = new AtomicBoolean();

        public NoReconnect(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            if (attempted.getAndSet(true)) {
                return CompletableFuture.failedFuture(new IllegalStateException("this transport connects only once"));
            }
            return delegate.connect(options);
        }
    }

    /**
     * Stages each event in one shared, unsynchronized field before sending it, so that concurrent sends lose one
     * event and send another twice (threading: sends must be safe from any thread).
     */
    public static final class UnsafeConcurrentSends extends ForwardingTransport {
        private RealtimeClientMessage staged;

        public UnsafeConcurrentSends(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        @Override
        public void sendEvent(RealtimeClientMessage event) {
            staged = event;
            Thread.yield();
            delegate.sendEvent(staged);
        }
    }

    /** A listener that throws stops all later dispatch (X24). */
    public static final class ListenerExceptionKillsDispatch extends ForwardingTransport {
        private final AtomicBoolean dead = new AtomicBoolean();

        public ListenerExceptionKillsDispatch(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        private <E> Consumer<E> guarded(Consumer<? super E> listener) {
            return e -> {
                if (dead.get()) {
                    return;
                }
                try {
                    listener.accept(e);
                } catch (RuntimeException ex) {
                    dead.set(true);
                }
            };
        }

        @Override
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            return delegate.on(type, guarded(listener));
        }

        @Override
        public <E> Subscription once(TransportEventType<E> type, Consumer<? super E> listener) {
            return delegate.once(type, guarded(listener));
        }

        @Override
        public Subscription onAny(Consumer<? super dev.realtimetck.api.RealtimeServerEvent> listener) {
            return delegate.onAny(guarded(listener));
        }
    }
}
