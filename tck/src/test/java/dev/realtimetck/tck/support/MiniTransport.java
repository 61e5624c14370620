package dev.realtimetck.tck.support;

import dev.realtimetck.api.ConnectionStatus;
import dev.realtimetck.api.MuteState;
import dev.realtimetck.api.RealtimeClientMessage;
import dev.realtimetck.api.RealtimeItem;
import dev.realtimetck.api.RealtimeServerEvent;
import dev.realtimetck.api.RealtimeSessionConfig;
import dev.realtimetck.api.RealtimeTransportConnectOptions;
import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.api.RealtimeUserInput;
import dev.realtimetck.api.SendMessageOptions;
import dev.realtimetck.api.Subscription;
import dev.realtimetck.api.TransportError;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.api.TurnStarted;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deliberately small transport that covers only connect/close, raw sends and a few events. It exists to test
 * the TCK's own machinery (verdicts, report, launcher runs) independently of the reference transport: most rules
 * fail on it, which is what {@code MiniTransportTckTest} checks.
 */
public final class MiniTransport implements RealtimeTransportLayer {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private final ExecutorService dispatch = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mini-dispatch");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<Consumer<Object>>> listeners = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Consumer<? super RealtimeServerEvent>> any = new CopyOnWriteArrayList<>();
    private volatile ConnectionStatus status = ConnectionStatus.DISCONNECTED;
    private volatile WebSocket socket;

    @Override
    public ConnectionStatus status() {
        return status;
    }

    private void setStatus(ConnectionStatus s) {
        if (status != s) {
            status = s;
            emit(TransportEventType.CONNECTION_CHANGE, s);
        }
    }

    @SuppressWarnings("unchecked")
    private <E> void emit(TransportEventType<E> type, E event) {
        dispatch.execute(() -> listeners.getOrDefault(type.name(), List.of()).forEach(l -> {
            try {
                l.accept(event);
            } catch (RuntimeException ignored) {
                // contained
            }
        }));
    }

    @Override
    public synchronized CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
        if (status != ConnectionStatus.DISCONNECTED) {
            return CompletableFuture.failedFuture(new IllegalStateException("already connected"));
        }
        setStatus(ConnectionStatus.CONNECTING);
        String key = options.apiKey() == null ? null : options.apiKey().resolve().toCompletableFuture().join();
        StringBuilder text = new StringBuilder();
        return HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + key)
                .buildAsync(options.url(), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            String frame = text.toString();
                            text.setLength(0);
                            dispatch.execute(() -> onFrame(frame));
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        setStatus(ConnectionStatus.DISCONNECTED);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        setStatus(ConnectionStatus.DISCONNECTED);
                    }
                }).handle((ws, error) -> {
                    if (error != null) {
                        setStatus(ConnectionStatus.DISCONNECTED);
                        throw new IllegalStateException("connect failed", error);
                    }
                    socket = ws;
                    setStatus(ConnectionStatus.CONNECTED);
                    send(Map.of("type", "session.update", "session", Map.of("type", "realtime", "model",
                            options.model() == null ? "mini" : options.model())));
                    return null;
                });
    }

    @SuppressWarnings("unchecked")
    private void onFrame(String frame) {
        Map<String, Object> event;
        try {
            event = MAPPER.readValue(frame, Map.class);
        } catch (RuntimeException e) {
            return;
        }
        if (!(event.get("type") instanceof String)) {
            return;
        }
        RealtimeServerEvent raw = RealtimeServerEvent.of(event);
        any.forEach(l -> l.accept(raw));
        if (raw.type().equals("error")) {
            emit(TransportEventType.ERROR, new TransportError.ServerError(raw));
        } else if (raw.type().equals("response.created")) {
            emit(TransportEventType.TURN_STARTED, new TurnStarted(raw));
        }
    }

    private synchronized void send(Map<String, ?> event) {
        WebSocket ws = socket;
        if (ws == null || status != ConnectionStatus.CONNECTED) {
            throw new IllegalStateException("not connected");
        }
        ws.sendText(MAPPER.writeValueAsString(event), true).join();
    }

    @Override
    public MuteState muted() {
        return MuteState.NOT_HANDLED;
    }

    @Override
    public void sendEvent(RealtimeClientMessage event) {
        send(event.toMap());
    }

    @Override
    public void requestResponse() {
        send(Map.of("type", "response.create"));
    }

    @Override
    public void requestResponse(Map<String, Object> response) {
        send(Map.of("type", "response.create", "response", response));
    }

    @Override
    public void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData, SendMessageOptions options) {
        throw new UnsupportedOperationException("sendMessage");
    }

    @Override
    public void addImage(String image, boolean triggerResponse) {
        throw new UnsupportedOperationException("addImage");
    }

    @Override
    public void sendAudio(ByteBuffer audio, boolean commit) {
        if (status != ConnectionStatus.CONNECTED) {
            return;
        }
        byte[] bytes = new byte[audio.remaining()];
        audio.duplicate().get(bytes);
        send(Map.of("type", "input_audio_buffer.append", "audio", Base64.getEncoder().encodeToString(bytes)));
        if (commit) {
            send(Map.of("type", "input_audio_buffer.commit"));
        }
    }

    @Override
    public void updateSessionConfig(RealtimeSessionConfig config) {
        throw new UnsupportedOperationException("updateSessionConfig");
    }

    @Override
    public synchronized void close() {
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.abort();
        }
        setStatus(ConnectionStatus.DISCONNECTED);
    }

    @Override
    public void mute(boolean muted) {
        throw new UnsupportedOperationException("mute");
    }

    @Override
    public void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output, boolean startResponse) {
        throw new UnsupportedOperationException("sendFunctionCallOutput");
    }

    @Override
    public void interrupt() {
    }

    @Override
    public void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
        throw new UnsupportedOperationException("resetHistory");
    }

    @Override
    public void sendMcpResponse(RealtimeItem.McpApprovalRequest approvalRequest, boolean approved, String reason) {
        throw new UnsupportedOperationException("sendMcpResponse");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
        Consumer<Object> l = o -> listener.accept((E) o);
        listeners.computeIfAbsent(type.name(), k -> new CopyOnWriteArrayList<>()).add(l);
        return () -> listeners.get(type.name()).remove(l);
    }

    @Override
    public <E> Subscription once(TransportEventType<E> type, Consumer<? super E> listener) {
        return on(type, listener);
    }

    @Override
    public Subscription onAny(Consumer<? super RealtimeServerEvent> listener) {
        any.add(listener);
        return () -> any.remove(listener);
    }

    @Override
    public Subscription onServerEvent(String serverEventType, Consumer<? super RealtimeServerEvent> listener) {
        return onAny(e -> {
            if (e.type().equals(serverEventType)) {
                listener.accept(e);
            }
        });
    }
}
