package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the public surface that the reference transport, the mock server, the TCK and the benchmarks compile
 * against. A change here is a breaking change for those modules (and for third-party transports): this test
 * makes it a deliberate one. It checks signatures only, not whether a method is abstract or default, so a
 * default implementation may be added or removed freely.
 */
class ApiSurfaceTest {

    @Test
    void realtimeTransportLayerRendersEveryTypeScriptMember() {
        assertThat(RealtimeTransportLayer.class.getInterfaces())
                .containsExactlyInAnyOrder(TransportEventSource.class, AutoCloseable.class);
        assertThat(publicMethods(RealtimeTransportLayer.class)).containsExactlyInAnyOrder(
                "ConnectionStatus status()",
                "CompletionStage<Void> connect(RealtimeTransportConnectOptions)",
                "MuteState muted()",
                "void sendEvent(RealtimeClientMessage)",
                "void requestResponse()",
                "void requestResponse(Map<String, Object>)",
                "void sendMessage(RealtimeUserInput, Map<String, Object>, SendMessageOptions)",
                "void sendMessage(String)",
                "void sendMessage(RealtimeUserInput)",
                "void addImage(String, boolean)",
                "void addImage(String)",
                "void sendAudio(ByteBuffer, boolean)",
                "void sendAudio(byte[], boolean)",
                "void sendAudio(byte[])",
                "void updateSessionConfig(RealtimeSessionConfig)",
                "void close()",
                "void mute(boolean)",
                "void sendFunctionCallOutput(TransportToolCallEvent, String, boolean)",
                "void sendFunctionCallOutput(TransportToolCallEvent, String)",
                "void interrupt()",
                "void resetHistory(List<RealtimeItem>, List<RealtimeItem>)",
                "void sendMcpResponse(RealtimeItem.McpApprovalRequest, boolean, String)",
                "void sendMcpResponse(RealtimeItem.McpApprovalRequest, boolean)");
    }

    @Test
    void closeDeclaresNoCheckedException() throws NoSuchMethodException {
        assertThat(RealtimeTransportLayer.class.getMethod("close").getExceptionTypes()).isEmpty();
        assertThat(Subscription.class.getMethod("close").getExceptionTypes()).isEmpty();
    }

    @Test
    void eventSourceRegistrationIsTypedAndReturnsAHandle() {
        assertThat(publicMethods(TransportEventSource.class)).containsExactlyInAnyOrder(
                "Subscription on(TransportEventType<E>, Consumer<? super E>)",
                "Subscription once(TransportEventType<E>, Consumer<? super E>)",
                "Subscription onAny(Consumer<? super RealtimeServerEvent>)",
                "Subscription onServerEvent(String, Consumer<? super RealtimeServerEvent>)");
        assertThat(Subscription.class.isAnnotationPresent(FunctionalInterface.class)).isTrue();
        assertThat(publicMethods(Subscription.class)).containsExactlyInAnyOrder("void remove()", "void close()");
        assertThat(ListenerErrorHandler.class.isAnnotationPresent(FunctionalInterface.class)).isTrue();
    }

    @Test
    void emitterOffersWhatATransportNeeds() {
        assertThat(Modifier.isFinal(TransportEventEmitter.class.getModifiers())).isTrue();
        assertThat(publicMethods(TransportEventEmitter.class)).contains(
                "void emit(TransportEventType<E>, E)",
                "void emitServerEvent(RealtimeServerEvent)",
                "void emitAny(RealtimeServerEvent)",
                "boolean hasAnyListeners()",
                "boolean hasServerEventListeners(String)",
                "boolean hasListeners(TransportEventType<?>)",
                "void removeAllListeners()");
        assertThat(Arrays.stream(TransportEventEmitter.class.getConstructors())
                .map(c -> Arrays.toString(c.getParameterTypes())))
                .containsExactlyInAnyOrder("[]", "[interface dev.realtimetck.api.ListenerErrorHandler]");
    }

    @Test
    void eventPayloadRecordsHaveTheirComponentsInOrder() {
        assertThat(components(TransportToolCallEvent.class)).containsExactly("String id", "String callId",
                "String name", "String arguments", "String responseId", "String previousItemId");
        assertThat(components(TransportAudioEvent.class)).containsExactly("ByteBuffer data", "String responseId");
        assertThat(components(TranscriptDelta.class))
                .containsExactly("String delta", "String itemId", "String responseId");
        assertThat(components(TextDelta.class)).containsExactly("String delta", "String itemId", "String responseId");
        assertThat(components(ItemDeleted.class)).containsExactly("String itemId");
        assertThat(components(McpToolsListed.class))
                .containsExactly("String serverLabel", "List<McpToolInfo> tools");
        assertThat(components(McpToolInfo.class))
                .containsExactly("String name", "String description", "Map<String, Object> inputSchema");
        assertThat(components(TurnStarted.class)).containsExactly("RealtimeServerEvent providerData");
        assertThat(components(TurnDone.class)).containsExactly("TurnDone.Response response");
        assertThat(components(TurnDone.Response.class))
                .containsExactly("String id", "List<Map<String, Object>> output", "Usage usage");
        assertThat(components(Usage.class)).containsExactly("int requests", "long inputTokens", "long outputTokens",
                "long totalTokens", "List<Map<String, Object>> inputTokensDetails",
                "List<Map<String, Object>> outputTokensDetails");
        assertThat(components(TransportError.ServerError.class)).containsExactly("RealtimeServerEvent event");
        assertThat(components(TransportError.Failure.class)).containsExactly("Throwable cause");
        assertThat(components(RealtimeServerEvent.class)).containsExactly("String type", "Map<String, Object> fields");
        assertThat(components(RealtimeClientMessage.class))
                .containsExactly("String type", "Map<String, Object> fields");
    }

    @Test
    void itemRecordsHaveTheirComponentsInOrder() {
        assertThat(components(RealtimeItem.Message.class)).containsExactly("String itemId", "String previousItemId",
                "Role role", "List<ContentPart> content", "ItemStatus status");
        assertThat(components(RealtimeItem.FunctionCall.class)).containsExactly("String itemId",
                "String previousItemId", "String callId", "String name", "String arguments", "ItemStatus status",
                "String output");
        assertThat(components(RealtimeItem.McpCall.class)).containsExactly("String itemId", "String previousItemId",
                "String type", "ItemStatus status", "String name", "String arguments", "String output");
        assertThat(components(RealtimeItem.McpApprovalRequest.class)).containsExactly("String itemId",
                "String serverLabel", "String name", "Map<String, Object> arguments", "Boolean approved");
        assertThat(components(ContentPart.InputAudio.class)).containsExactly("String audio", "String transcript");
        assertThat(components(ContentPart.InputImage.class)).containsExactly("String imageUrl", "String detail");
        assertThat(components(ContentPart.OutputAudio.class)).containsExactly("String audio", "String transcript");
    }

    @Test
    void configurationRecordsHaveTheirComponentsInOrder() {
        assertThat(components(RealtimeTransportConnectOptions.class)).containsExactly("ApiKey apiKey",
                "String model", "URI url", "String callId", "RealtimeSessionConfig initialSessionConfig");
        assertThat(components(RealtimeSessionConfig.class)).containsExactly("String instructions", "String model",
                "Object toolChoice", "List<RealtimeTool> tools", "Boolean parallelToolCalls",
                "Map<String, Object> reasoning", "TracingConfig tracing", "Prompt prompt",
                "List<String> outputModalities", "AudioConfig audio", "String voice",
                "Map<String, Object> providerData");
        assertThat(components(AudioConfig.class)).containsExactly("AudioInputConfig input", "AudioOutputConfig output");
        assertThat(components(AudioInputConfig.class)).containsExactly("AudioFormat format",
                "NoiseReduction noiseReduction", "InputTranscription transcription", "TurnDetection turnDetection");
        assertThat(components(AudioOutputConfig.class))
                .containsExactly("AudioFormat format", "String voice", "Double speed");
        assertThat(components(TurnDetection.Config.class)).containsExactly("String type", "Boolean createResponse",
                "Boolean interruptResponse", "Integer prefixPaddingMs", "Integer silenceDurationMs",
                "Integer idleTimeoutMs", "Double threshold", "String eagerness", "String modelVersion",
                "Map<String, Object> extra");
        assertThat(components(InputTranscription.Config.class)).containsExactly("String model", "String language",
                "String prompt", "Map<String, Object> extra");
        assertThat(components(RealtimeTool.FunctionTool.class)).containsExactly("String name", "String description",
                "Map<String, Object> parameters", "Boolean strict");
        assertThat(components(RealtimeTool.HostedMcpTool.class)).containsExactly("String serverLabel",
                "String serverUrl", "String serverDescription", "String connectorId", "String authorization",
                "Map<String, Object> headers", "Object allowedTools", "Object requireApproval");
        assertThat(components(TracingConfig.Custom.class))
                .containsExactly("String workflowName", "String groupId", "Map<String, Object> metadata");
        assertThat(components(Prompt.class))
                .containsExactly("String promptId", "String version", "Map<String, Object> variables");
        assertThat(components(SendMessageOptions.class)).containsExactly("boolean triggerResponse");
    }

    @Test
    void unionsAreSealedOverExactlyTheirVariants() {
        assertPermits(RealtimeItem.class, RealtimeItem.Message.class, RealtimeItem.FunctionCall.class,
                RealtimeItem.McpCall.class, RealtimeItem.McpApprovalRequest.class);
        assertPermits(ContentPart.class, ContentPart.InputText.class, ContentPart.InputAudio.class,
                ContentPart.InputImage.class, ContentPart.OutputText.class, ContentPart.OutputAudio.class);
        assertPermits(RealtimeUserInput.class, RealtimeUserInput.Text.class, RealtimeUserInput.Message.class);
        assertPermits(UserContent.class, UserContent.InputText.class, UserContent.InputImage.class);
        assertPermits(TransportError.class, TransportError.ServerError.class, TransportError.Failure.class);
        assertPermits(RealtimeTool.class, RealtimeTool.FunctionTool.class, RealtimeTool.HostedMcpTool.class);
        assertPermits(TracingConfig.class, TracingConfig.Auto.class, TracingConfig.Disabled.class,
                TracingConfig.Custom.class);
        assertPermits(TurnDetection.class, TurnDetection.Off.class, TurnDetection.Config.class);
        assertPermits(InputTranscription.class, InputTranscription.Off.class, InputTranscription.Config.class);
        assertPermits(NoiseReduction.class, NoiseReduction.Off.class, NoiseReduction.Config.class);
        assertPermits(ApiKey.class, ApiKey.Value.class, ApiKey.Deferred.class);
    }

    @Test
    void enumsCarryTheTypeScriptStrings() {
        assertThat(wireValues(ConnectionStatus.values(), ConnectionStatus::wireValue))
                .containsExactly("CONNECTED=connected", "DISCONNECTED=disconnected", "CONNECTING=connecting",
                        "DISCONNECTING=disconnecting");
        assertThat(wireValues(Role.values(), Role::wireValue))
                .containsExactly("SYSTEM=system", "USER=user", "ASSISTANT=assistant");
        assertThat(wireValues(ItemStatus.values(), ItemStatus::wireValue))
                .containsExactly("IN_PROGRESS=in_progress", "COMPLETED=completed", "INCOMPLETE=incomplete");
        assertThat(MuteState.values()).containsExactly(MuteState.MUTED, MuteState.UNMUTED, MuteState.NOT_HANDLED);
        assertThat(Signal.values()).containsExactly(Signal.INSTANCE);
        for (Role role : Role.values()) {
            assertThat(Role.fromWire(role.wireValue())).isSameAs(role);
        }
        for (ItemStatus status : ItemStatus.values()) {
            assertThat(ItemStatus.fromWire(status.wireValue())).isSameAs(status);
        }
    }

    @Test
    void everyTransportEventTypeConstantIsListedInValues() throws IllegalAccessException {
        List<Object> constants = new java.util.ArrayList<>();
        for (var field : TransportEventType.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == TransportEventType.class) {
                constants.add(field.get(null));
                // the constant's Java name is its TypeScript name in upper case
                assertThat(field.getName()).isEqualTo(((TransportEventType<?>) field.get(null)).name().toUpperCase(java.util.Locale.ROOT));
            }
        }
        assertThat(constants).hasSize(16).containsExactlyInAnyOrderElementsOf(TransportEventType.values());
    }

    @Test
    void everyPublicValueTypeIsImmutable() {
        // records are shallowly immutable by construction; these are the non-record public classes
        for (Class<?> type : List.of(TransportEventType.class, TransportEventEmitter.class, JsonValues.class,
                ApiKey.Value.class, ApiKey.Deferred.class)) {
            assertThat(Modifier.isFinal(type.getModifiers())).as(type.getName() + " is final").isTrue();
        }
        for (var field : TransportEventType.class.getDeclaredFields()) {
            assertThat(Modifier.isFinal(field.getModifiers())).as(field.getName()).isTrue();
        }
        for (var field : ApiKey.Value.class.getDeclaredFields()) {
            assertThat(Modifier.isPrivate(field.getModifiers()) && Modifier.isFinal(field.getModifiers()))
                    .as("ApiKey.Value." + field.getName() + " is private final").isTrue();
        }
    }

    @Test
    void checksIsNotPartOfTheApi() {
        assertThat(Modifier.isPublic(Checks.class.getModifiers())).isFalse();
    }

    private static List<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                        && !m.isSynthetic() && !m.isBridge())
                .map(ApiSurfaceTest::signature)
                .collect(Collectors.toList());
    }

    private static String signature(Method method) {
        return simple(method.getGenericReturnType()) + " " + method.getName() + Arrays
                .stream(method.getGenericParameterTypes()).map(ApiSurfaceTest::simple)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static List<String> components(Class<? extends Record> type) {
        return Stream.of(type.getRecordComponents())
                .map((RecordComponent c) -> simple(c.getGenericType()) + " " + c.getName())
                .collect(Collectors.toList());
    }

    private static void assertPermits(Class<?> sealed, Class<?>... variants) {
        assertThat(sealed.isSealed()).as(sealed.getName() + " is sealed").isTrue();
        assertThat(Set.of(sealed.getPermittedSubclasses())).as(sealed.getName()).isEqualTo(Set.of(variants));
    }

    private static <T extends Enum<T>> List<String> wireValues(T[] values, Function<T, String> wire) {
        return Arrays.stream(values).map(v -> v.name() + "=" + wire.apply(v)).collect(Collectors.toList());
    }

    /** A type name without package prefixes, nested types joined with a dot. */
    private static String simple(Type type) {
        return type.getTypeName().replace('$', '.').replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }
}
