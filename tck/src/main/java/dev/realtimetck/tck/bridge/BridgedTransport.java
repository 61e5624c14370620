package dev.realtimetck.tck.bridge;

import dev.realtimetck.api.ApiKey;
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
import dev.realtimetck.api.TransportEventEmitter;
import dev.realtimetck.api.TransportEventType;
import dev.realtimetck.api.TransportToolCallEvent;
import dev.realtimetck.tck.TckTransportSettings;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A {@link RealtimeTransportLayer} whose implementation lives in an adapter process ({@link BridgeProcess}): every
 * member is a request of the bridge protocol, every event the adapter's transport emits comes back with its payload
 * and is dispatched here to the TCK's listeners, on the process's dispatch thread.
 *
 * <p>Listeners are registered here; the first listener for an event name subscribes the adapter to it and the last
 * one removed unsubscribes it, so the adapter's transport sees the same listener presence as in process (an
 * EventEmitter without an {@code error} listener behaves differently). The adapter waits for the TCK's
 * acknowledgement of every event before its emit returns, and rethrows what a TCK listener threw, so listener
 * exceptions reach the adapter's transport as they would in its own language.
 */
public final class BridgedTransport implements RealtimeTransportLayer {

    private final BridgeProcess bridge;
    private final String id;
    private final TransportEventEmitter emitter = new TransportEventEmitter(this::listenerFailed);
    private final Map<String, Integer> subscriptions = new HashMap<>();
    private Throwable dispatchFailure;

    private BridgedTransport(BridgeProcess bridge, String id) {
        this.bridge = bridge;
        this.id = id;
    }

    /**
     * Asks the adapter to create a fresh transport for these settings.
     *
     * @throws BridgeFailure when the bridge is broken
     */
    public static BridgedTransport create(BridgeProcess bridge, TckTransportSettings settings) {
        Objects.requireNonNull(bridge, "bridge");
        Objects.requireNonNull(settings, "settings");
        BridgedTransport t = new BridgedTransport(bridge, bridge.newTransportId());
        bridge.register(t.id, t);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("url", settings.url().toString());
        s.put("apiKey", settings.apiKey());
        s.put("signalTimeoutMs", settings.signalTimeout().toMillis());
        t.call("create", Map.of("settings", s));
        return t;
    }

    /** The id of this transport in the protocol. */
    public String id() {
        return id;
    }

    private Object call(String method, Map<String, Object> args) {
        return bridge.call(id, method, args);
    }

    // ------------------------------------------------------------------------------------------ members

    @Override
    public ConnectionStatus status() {
        Object raw = call("status", Map.of());
        for (ConnectionStatus s : ConnectionStatus.values()) {
            if (s.wireValue().equals(raw)) {
                return s;
            }
        }
        throw new BridgeFailure("the adapter answered status with " + raw + ", not one of connected, disconnected, "
                + "connecting, disconnecting");
    }

    @Override
    public MuteState muted() {
        Object raw = call("muted", Map.of());
        return raw == null ? MuteState.NOT_HANDLED : Boolean.TRUE.equals(raw) ? MuteState.MUTED : MuteState.UNMUTED;
    }

    @Override
    public CompletionStage<Void> connect(RealtimeTransportConnectOptions options) {
        Objects.requireNonNull(options, "options");
        Map<String, Object> o = new LinkedHashMap<>();
        ApiKey key = options.apiKey();
        if (key instanceof ApiKey.Value) {
            o.put("apiKey", key.resolve().toCompletableFuture().join());
        } else if (key != null) {
            o.put("apiKey", Map.of("supplier", bridge.registerSupplier(key)));
        }
        BridgeCodec.put(o, "model", options.model());
        BridgeCodec.put(o, "url", options.url() == null ? null : options.url().toString());
        BridgeCodec.put(o, "callId", options.callId());
        if (options.initialSessionConfig() != null) {
            o.put("initialSessionConfig", BridgeCodec.sessionConfig(options.initialSessionConfig()));
        }
        CompletableFuture<Object> result;
        try {
            result = bridge.callAsync(id, "connect", Map.of("options", o));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return result.thenApply(v -> null);
    }

    @Override
    public void sendEvent(RealtimeClientMessage event) {
        Objects.requireNonNull(event, "event");
        call("sendEvent", Map.of("event", event.toMap()));
    }

    @Override
    public void requestResponse() {
        call("requestResponse", Map.of());
    }

    @Override
    public void requestResponse(Map<String, Object> response) {
        call("requestResponse", response == null ? Map.of() : Map.of("response", response));
    }

    @Override
    public void sendMessage(RealtimeUserInput message, Map<String, Object> otherEventData, SendMessageOptions options) {
        Objects.requireNonNull(message, "message");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("message", BridgeCodec.userInput(message));
        args.put("otherEventData", otherEventData == null ? Map.of() : otherEventData);
        args.put("options", Map.of("triggerResponse", options == null || options.triggerResponse()));
        call("sendMessage", args);
    }

    @Override
    public void addImage(String image, boolean triggerResponse) {
        Objects.requireNonNull(image, "image");
        call("addImage", Map.of("image", image, "options", Map.of("triggerResponse", triggerResponse)));
    }

    @Override
    public void sendAudio(ByteBuffer audio, boolean commit) {
        Objects.requireNonNull(audio, "audio");
        ByteBuffer view = audio.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        call("sendAudio", Map.of("audio", Base64.getEncoder().encodeToString(bytes),
                "options", Map.of("commit", commit)));
    }

    @Override
    public void updateSessionConfig(RealtimeSessionConfig config) {
        Objects.requireNonNull(config, "config");
        call("updateSessionConfig", Map.of("config", BridgeCodec.sessionConfig(config)));
    }

    /** Closes the adapter's transport; does nothing once the bridge is broken (the process is gone). */
    @Override
    public void close() {
        if (!bridge.isAlive()) {
            return;
        }
        call("close", Map.of());
    }

    @Override
    public void mute(boolean muted) {
        call("mute", Map.of("muted", muted));
    }

    @Override
    public void sendFunctionCallOutput(TransportToolCallEvent toolCall, String output, boolean startResponse) {
        Objects.requireNonNull(toolCall, "toolCall");
        Objects.requireNonNull(output, "output");
        call("sendFunctionCallOutput", Map.of("toolCall", BridgeCodec.toolCall(toolCall), "output", output,
                "startResponse", startResponse));
    }

    @Override
    public void interrupt() {
        call("interrupt", Map.of());
    }

    @Override
    public void resetHistory(List<RealtimeItem> oldHistory, List<RealtimeItem> newHistory) {
        Objects.requireNonNull(oldHistory, "oldHistory");
        Objects.requireNonNull(newHistory, "newHistory");
        call("resetHistory", Map.of("oldHistory", oldHistory.stream().map(BridgeCodec::item).toList(),
                "newHistory", newHistory.stream().map(BridgeCodec::item).toList()));
    }

    @Override
    public void sendMcpResponse(RealtimeItem.McpApprovalRequest approvalRequest, boolean approved, String reason) {
        Objects.requireNonNull(approvalRequest, "approvalRequest");
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("approvalRequest", BridgeCodec.item(approvalRequest));
        args.put("approved", approved);
        BridgeCodec.put(args, "reason", reason);
        call("sendMcpResponse", args);
    }

    // ------------------------------------------------------------------------------------------ listeners

    @Override
    public <E> Subscription on(TransportEventType<E> type, Consumer<? super E> listener) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(listener, "listener");
        return track(false, type.name(), emitter.on(type, listener));
    }

    @Override
    public <E> Subscription once(TransportEventType<E> type, Consumer<? super E> listener) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(listener, "listener");
        AtomicBoolean released = new AtomicBoolean();
        Subscription inner = emitter.once(type, event -> {
            try {
                listener.accept(event);
            } finally {
                if (released.compareAndSet(false, true)) {
                    release(false, type.name());
                }
            }
        });
        acquire(false, type.name());
        return () -> {
            inner.remove();
            if (released.compareAndSet(false, true)) {
                release(false, type.name());
            }
        };
    }

    @Override
    public Subscription onAny(Consumer<? super RealtimeServerEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        return track(false, "*", emitter.onAny(listener));
    }

    @Override
    public Subscription onServerEvent(String serverEventType, Consumer<? super RealtimeServerEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        return track(true, serverEventType, emitter.onServerEvent(serverEventType, listener));
    }

    private Subscription track(boolean server, String name, Subscription inner) {
        acquire(server, name);
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            inner.remove();
            if (released.compareAndSet(false, true)) {
                release(server, name);
            }
        };
    }

    private void acquire(boolean server, String name) {
        boolean first;
        synchronized (subscriptions) {
            first = subscriptions.merge(key(server, name), 1, Integer::sum) == 1;
        }
        if (first) {
            call("subscribe", Map.of(server ? "serverEvent" : "event", name));
        }
    }

    private void release(boolean server, String name) {
        boolean last;
        synchronized (subscriptions) {
            last = subscriptions.merge(key(server, name), -1, Integer::sum) == 0;
            if (last) {
                subscriptions.remove(key(server, name));
            }
        }
        if (last && bridge.isAlive()) {
            call("unsubscribe", Map.of(server ? "serverEvent" : "event", name));
        }
    }

    private static String key(boolean server, String name) {
        return (server ? "server:" : "event:") + name;
    }

    // ------------------------------------------------------------------------------------------ dispatch

    private void listenerFailed(String eventName, Throwable error) {
        if (dispatchFailure == null) {
            dispatchFailure = error;
        }
    }

    /**
     * Calls this transport's listeners for one event the adapter pushed (on the dispatch thread).
     *
     * @return the first exception a listener threw, or null
     */
    @SuppressWarnings("unchecked")
    Throwable dispatch(boolean server, String name, Object payload) {
        Throwable outer = dispatchFailure;
        dispatchFailure = null;
        try {
            if (server) {
                emitter.emitServerEvent(serverEvent(name, payload));
            } else if ("*".equals(name)) {
                emitter.emitAny(serverEvent(name, payload));
            } else {
                TransportEventType<?> type = TransportEventType.named(name);
                Object decoded;
                try {
                    decoded = BridgeCodec.eventPayload(type, payload, bridge::listenerFailure);
                } catch (IllegalArgumentException e) {
                    reportUnrepresentable(name, e);
                    return dispatchFailure;
                }
                emitter.emit((TransportEventType<Object>) type, decoded);
            }
            return dispatchFailure;
        } finally {
            dispatchFailure = outer;
        }
    }

    private RealtimeServerEvent serverEvent(String name, Object payload) {
        try {
            return BridgeCodec.serverEvent(payload);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the payload of '" + name + "' is not a server event: "
                    + e.getMessage(), e);
        }
    }

    /**
     * An event whose payload the Java API cannot hold is not dispatched; the TCK's error listeners hear of it
     * instead, so the rule that expected the event fails with the reason.
     */
    private void reportUnrepresentable(String name, IllegalArgumentException e) {
        emitter.emit(TransportEventType.ERROR, new TransportError.Failure(new IllegalArgumentException(
                "bridge: the adapter emitted '" + name + "' with a payload the Java API cannot represent ("
                        + e.getMessage() + ")", e)));
    }

    @Override
    public String toString() {
        return "BridgedTransport[" + id + " via " + bridge.command() + "]";
    }
}
