package dev.realtimetck.tck.broken;

import dev.realtimetck.api.AudioConfig;
import dev.realtimetck.api.AudioInputConfig;
import dev.realtimetck.api.AudioOutputConfig;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.TranscriptDelta;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.audio.AudioFormat;
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

    /** Sends every audio format as 24 kHz PCM, so G.711 and other PCM rates never reach the server (A19). */
    public static final class PcmOnlyFormats extends ForwardingTransport {
        public PcmOnlyFormats(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        private static RealtimeSessionConfig pcm(RealtimeSessionConfig config) {
            if (config == null || config.audio() == null) {
                return config;
            }
            AudioInputConfig in = config.audio().input();
            AudioOutputConfig out = config.audio().output();
            return config.toBuilder().audio(new AudioConfig(
                    in == null ? null : new AudioInputConfig(in.format() == null ? null : AudioFormat.PCM16_24K,
                            in.noiseReduction(), in.transcription(), in.turnDetection()),
                    out == null ? null : new AudioOutputConfig(out.format() == null ? null : AudioFormat.PCM16_24K,
                            out.voice(), out.speed()))).build();
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            return delegate.connect(new RealtimeTransportConnectOptions(options.apiKey(), options.model(), options.url(),
                    options.callId(), pcm(options.initialSessionConfig())));
        }

        @Override
        public void updateSessionConfig(RealtimeSessionConfig config) {
            delegate.updateSessionConfig(pcm(config));
        }
    }

    /** Sends response.cancel on every interrupt while audio plays, even after the response is done (A29, D9). */
    public static final class CancelAfterDone extends ForwardingTransport {
        private final AtomicBoolean audioTracked = new AtomicBoolean();
        private final AtomicBoolean responseActive = new AtomicBoolean();

        public CancelAfterDone(RealtimeTransportLayer delegate) {
            super(delegate);
            delegate.onAny(e -> {
                switch (e.type()) {
                    case "response.output_audio.delta" -> audioTracked.set(true);
                    case "response.output_audio.done" -> audioTracked.set(false);
                    case "response.created" -> responseActive.set(true);
                    case "response.done" -> responseActive.set(false);
                    default -> { }
                }
            });
        }

        @Override
        public void interrupt() {
            if (audioTracked.getAndSet(false) && !responseActive.get()) {
                delegate.sendEvent(RealtimeClientMessage.of("response.cancel"));
            }
            delegate.interrupt();
        }
    }

    /** Turns partial input transcriptions into audio_transcript_delta events, as if they were output (B12). */
    public static final class InputTranscriptsAsOutput extends ForwardingTransport {
        public InputTranscriptsAsOutput(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            Subscription own = delegate.on(type, listener);
            if (type != TransportEventType.AUDIO_TRANSCRIPT_DELTA) {
                return own;
            }
            Consumer<? super TranscriptDelta> transcripts = (Consumer<? super TranscriptDelta>) listener;
            Subscription extra = delegate.onServerEvent("conversation.item.input_audio_transcription.delta",
                    e -> transcripts.accept(new TranscriptDelta(String.valueOf(e.get("delta")),
                            String.valueOf(e.get("item_id")), "")));
            return () -> {
                own.remove();
                extra.remove();
            };
        }
    }

    /** Also emits function_call for a completed item in response.output_item.added, so done repeats it (X12). */
    public static final class RepeatedFunctionCalls extends ForwardingTransport {
        public RepeatedFunctionCalls(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            Subscription own = delegate.on(type, listener);
            if (type != TransportEventType.FUNCTION_CALL) {
                return own;
            }
            Consumer<? super TransportToolCallEvent> calls = (Consumer<? super TransportToolCallEvent>) listener;
            Subscription extra = delegate.onServerEvent("response.output_item.added", e -> {
                if (e.get("item") instanceof Map<?, ?> item && "function_call".equals(item.get("type"))
                        && "completed".equals(item.get("status"))) {
                    calls.accept(new TransportToolCallEvent((String) item.get("id"), (String) item.get("call_id"),
                            (String) item.get("name"), (String) item.get("arguments"), (String) e.get("response_id"),
                            null));
                }
            });
            return () -> {
                own.remove();
                extra.remove();
            };
        }
    }

    /** Connects without a model with the TCK's model instead of the last connected one (C7). */
    public static final class ForgetsConnectModel extends ForwardingTransport {
        private final String fallbackModel;

        public ForgetsConnectModel(RealtimeTransportLayer delegate, String fallbackModel) {
            super(delegate);
            this.fallbackModel = fallbackModel;
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            return delegate.connect(new RealtimeTransportConnectOptions(options.apiKey(),
                    options.model() == null ? fallbackModel : options.model(), options.url(), options.callId(),
                    options.initialSessionConfig()));
        }
    }

    /** Catches what connection_change listeners throw, so a failing connected listener never fails connect (C15). */
    public static final class ConnectIgnoresListenerFailure extends ForwardingTransport {
        public ConnectIgnoresListenerFailure(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        @Override
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            if (type != TransportEventType.CONNECTION_CHANGE) {
                return delegate.on(type, listener);
            }
            return delegate.on(type, e -> {
                try {
                    listener.accept(e);
                } catch (RuntimeException ignored) {
                    // the broken part: the failure is dropped
                }
            });
        }
    }

    /** Reports every failed connect as an error event, a close before open included (C9: that one has none). */
    public static final class ErrorOnFailedConnect extends ForwardingTransport {
        private final java.util.List<Consumer<? super TransportError>> errorListeners =
                new java.util.concurrent.CopyOnWriteArrayList<>();

        public ErrorOnFailedConnect(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            if (type == TransportEventType.ERROR) {
                errorListeners.add((Consumer<? super TransportError>) listener);
            }
            return delegate.on(type, listener);
        }

        @Override
        public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
            return delegate.connect(options).whenComplete((done, failure) -> {
                if (failure != null) {
                    errorListeners.forEach(l -> l.accept(new TransportError.Failure(failure)));
                }
            });
        }
    }

    /**
     * Calls every listener while holding the lock its sending methods take, as the reference transport did before
     * issue #15: a listener that blocks blocks every sender on every other thread (RT-THREAD-005).
     */
    public static final class ListenerHoldsSendLock extends ForwardingTransport {
        private final Object lock = new Object();

        public ListenerHoldsSendLock(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        private <E> Consumer<E> locked(Consumer<? super E> listener) {
            return e -> {
                synchronized (lock) {
                    listener.accept(e);
                }
            };
        }

        @Override
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            return delegate.on(type, locked(listener));
        }

        @Override
        public <E> Subscription once(TransportEventType<E> type, Consumer<? super E> listener) {
            return delegate.once(type, locked(listener));
        }

        @Override
        public Subscription onAny(Consumer<? super dev.realtimetck.api.RealtimeServerEvent> listener) {
            return delegate.onAny(locked(listener));
        }

        @Override
        public Subscription onServerEvent(String serverEventType,
                Consumer<? super dev.realtimetck.api.RealtimeServerEvent> listener) {
            return delegate.onServerEvent(serverEventType, locked(listener));
        }

        @Override
        public void sendEvent(RealtimeClientMessage event) {
            synchronized (lock) {
                delegate.sendEvent(event);
            }
        }

        @Override
        public void requestResponse() {
            synchronized (lock) {
                delegate.requestResponse();
            }
        }

        @Override
        public void requestResponse(Map<String, Object> response) {
            synchronized (lock) {
                delegate.requestResponse(response);
            }
        }

        @Override
        public void sendMessage(dev.realtimetck.api.RealtimeUserInput message, Map<String, Object> otherEventData,
                dev.realtimetck.api.SendMessageOptions options) {
            synchronized (lock) {
                delegate.sendMessage(message, otherEventData, options);
            }
        }

        @Override
        public void addImage(String image, boolean triggerResponse) {
            synchronized (lock) {
                delegate.addImage(image, triggerResponse);
            }
        }

        @Override
        public void sendAudio(ByteBuffer audio, boolean commit) {
            synchronized (lock) {
                delegate.sendAudio(audio, commit);
            }
        }

        @Override
        public void updateSessionConfig(RealtimeSessionConfig config) {
            synchronized (lock) {
                delegate.updateSessionConfig(config);
            }
        }

        @Override
        public void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output, boolean startResponse) {
            synchronized (lock) {
                delegate.sendFunctionCallOutput(toolCall, output, startResponse);
            }
        }

        @Override
        public void interrupt() {
            synchronized (lock) {
                delegate.interrupt();
            }
        }

        @Override
        public void resetHistory(java.util.List<dev.realtimetck.api.RealtimeItem> oldHistory,
                java.util.List<dev.realtimetck.api.RealtimeItem> newHistory) {
            synchronized (lock) {
                delegate.resetHistory(oldHistory, newHistory);
            }
        }

        @Override
        public void sendMcpResponse(dev.realtimetck.api.RealtimeItem.McpApprovalRequest approvalRequest,
                boolean approved, String reason) {
            synchronized (lock) {
                delegate.sendMcpResponse(approvalRequest, approved, reason);
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                delegate.close();
            }
        }
    }

    /** Sends response.cancel from interrupt() before the connection's first output audio (A28). */
    public static final class InterruptBeforeAudio extends ForwardingTransport {
        private final AtomicBoolean audioSeen = new AtomicBoolean();

        public InterruptBeforeAudio(RealtimeTransportLayer delegate) {
            super(delegate);
            delegate.onAny(e -> {
                if ("response.output_audio.delta".equals(e.type())) {
                    audioSeen.set(true);
                }
            });
        }

        @Override
        public void interrupt() {
            if (!audioSeen.get() && delegate.status() == ConnectionStatus.CONNECTED) {
                delegate.sendEvent(RealtimeClientMessage.of("response.cancel"));
            }
            delegate.interrupt();
        }
    }

    /** Reports a retrieved message with the previous_item_id the frame carries, as if it were placement (B15). */
    public static final class RetrievedKeepsPreviousItem extends ForwardingTransport {
        private volatile dev.realtimetck.api.RealtimeServerEvent lastRaw;

        public RetrievedKeepsPreviousItem(RealtimeTransportLayer delegate) {
            super(delegate);
            delegate.onAny(e -> lastRaw = e);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            if (type != TransportEventType.ITEM_UPDATE) {
                return delegate.on(type, listener);
            }
            Consumer<? super dev.realtimetck.api.RealtimeItem> items =
                    (Consumer<? super dev.realtimetck.api.RealtimeItem>) listener;
            return delegate.on(TransportEventType.ITEM_UPDATE, item -> {
                dev.realtimetck.api.RealtimeServerEvent raw = lastRaw;
                if (item instanceof dev.realtimetck.api.RealtimeItem.Message m && raw != null
                        && "conversation.item.retrieved".equals(raw.type())
                        && raw.get("previous_item_id") instanceof String previous) {
                    items.accept(new dev.realtimetck.api.RealtimeItem.Message(m.itemId(), previous, m.role(),
                            m.content(), m.status()));
                } else {
                    items.accept(item);
                }
            });
        }
    }

    /** Reports a previous_item_id of null ("first") as absent, losing the placement (B25). */
    public static final class PlacementLost extends ForwardingTransport {
        public PlacementLost(RealtimeTransportLayer delegate) {
            super(delegate);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
            if (type != TransportEventType.ITEM_UPDATE) {
                return delegate.on(type, listener);
            }
            Consumer<? super dev.realtimetck.api.RealtimeItem> items =
                    (Consumer<? super dev.realtimetck.api.RealtimeItem>) listener;
            return delegate.on(TransportEventType.ITEM_UPDATE, item -> items.accept(
                    item instanceof dev.realtimetck.api.RealtimeItem.Message m
                            ? new dev.realtimetck.api.RealtimeItem.Message(m.itemId(), m.previousItemId(), m.role(),
                                    m.content(), m.status())
                            : item));
        }
    }
}
