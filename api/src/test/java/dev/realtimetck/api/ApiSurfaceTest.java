package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the public surface that the reference transport, the mock server, the TCK and the benchmarks compile
 * against. A change here is a breaking change for those modules (and for third-party transports): this test
 * makes it a deliberate one. It checks source compatibility, not identity: every pinned method, accessor and
 * constructor must still exist with the same types, and an interface may grow only by default methods (which do
 * not break implementors); records may gain components as long as the pinned constructor remains.
 */
class ApiSurfaceTest {

    @Test
    void realtimeTransportLayerRendersEveryTypeScriptMember() {
        assertThat(RealtimeTransportLayer.class.getInterfaces())
                .containsExactlyInAnyOrder(TransportEventSource.class, AutoCloseable.class);
        assertInterface(RealtimeTransportLayer.class,
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
        assertInterface(TransportEventSource.class,
                "Subscription on(TransportEventType<E>, Consumer<? super E>)",
                "Subscription once(TransportEventType<E>, Consumer<? super E>)",
                "Subscription onAny(Consumer<? super RealtimeServerEvent>)",
                "Subscription onServerEvent(String, Consumer<? super RealtimeServerEvent>)");
        assertThat(Subscription.class.isAnnotationPresent(FunctionalInterface.class)).isTrue();
        assertInterface(Subscription.class, "void remove()", "void close()");
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
    void eventPayloadRecordsKeepTheirAccessorsAndConstructor() {
        assertRecord(TransportToolCallEvent.class,
                "String id", "String callId",
                "String name", "String arguments", "String responseId", "String previousItemId");
        assertRecord(TransportAudioEvent.class,
                "ByteBuffer data", "String responseId");
        assertRecord(TranscriptDelta.class,
                "String delta", "String itemId", "String responseId");
        assertRecord(TextDelta.class,
                "String delta", "String itemId", "String responseId");
        assertRecord(ItemDeleted.class,
                "String itemId");
        assertRecord(McpToolsListed.class,
                "String serverLabel", "List<McpToolInfo> tools");
        assertRecord(McpToolInfo.class,
                "String name", "String description", "Map<String, Object> inputSchema");
        assertRecord(TurnStarted.class,
                "RealtimeServerEvent providerData");
        assertRecord(TurnDone.class,
                "TurnDone.Response response");
        assertRecord(TurnDone.Response.class,
                "String id", "List<Map<String, Object>> output", "Usage usage");
        assertRecord(Usage.class,
                "int requests", "long inputTokens", "long outputTokens",
                "long totalTokens", "List<Map<String, Object>> inputTokensDetails",
                "List<Map<String, Object>> outputTokensDetails");
        assertRecord(TransportError.ServerError.class,
                "RealtimeServerEvent event");
        assertRecord(TransportError.Failure.class,
                "Throwable cause");
        assertRecord(RealtimeServerEvent.class,
                "String type", "Map<String, Object> fields");
        assertRecord(RealtimeClientMessage.class,
                "String type", "Map<String, Object> fields");
    }

    @Test
    void itemRecordsKeepTheirAccessorsAndConstructor() {
        assertRecord(RealtimeItem.Message.class,
                "String itemId", "String previousItemId",
                "Role role", "List<ContentPart> content", "ItemStatus status");
        assertRecord(RealtimeItem.FunctionCall.class,
                "String itemId",
                "String previousItemId", "String callId", "String name", "String arguments", "ItemStatus status",
                "String output");
        assertRecord(RealtimeItem.McpCall.class,
                "String itemId", "String previousItemId",
                "String type", "ItemStatus status", "String name", "String arguments", "String output");
        assertRecord(RealtimeItem.McpApprovalRequest.class,
                "String itemId",
                "String serverLabel", "String name", "Map<String, Object> arguments", "Boolean approved");
        assertRecord(ContentPart.InputAudio.class,
                "String audio", "String transcript");
        assertRecord(ContentPart.InputImage.class,
                "String imageUrl", "String detail");
        assertRecord(ContentPart.OutputAudio.class,
                "String audio", "String transcript");
    }

    @Test
    void configurationRecordsKeepTheirAccessorsAndConstructor() {
        assertRecord(RealtimeTransportConnectOptions.class,
                "ApiKey apiKey",
                "String model", "URI url", "String callId", "RealtimeSessionConfig initialSessionConfig");
        assertRecord(RealtimeSessionConfig.class,
                "String instructions", "String model",
                "Object toolChoice", "List<RealtimeTool> tools", "Boolean parallelToolCalls",
                "Map<String, Object> reasoning", "TracingConfig tracing", "Prompt prompt",
                "List<String> outputModalities", "AudioConfig audio", "String voice",
                "Map<String, Object> providerData");
        assertRecord(AudioConfig.class,
                "AudioInputConfig input", "AudioOutputConfig output");
        assertRecord(AudioInputConfig.class,
                "AudioFormat format",
                "NoiseReduction noiseReduction", "InputTranscription transcription", "TurnDetection turnDetection");
        assertRecord(AudioOutputConfig.class,
                "AudioFormat format", "String voice", "Double speed");
        assertRecord(TurnDetection.Config.class,
                "String type", "Boolean createResponse",
                "Boolean interruptResponse", "Integer prefixPaddingMs", "Integer silenceDurationMs",
                "Integer idleTimeoutMs", "Double threshold", "String eagerness", "String modelVersion",
                "Map<String, Object> extra");
        assertRecord(InputTranscription.Config.class,
                "String model", "String language",
                "String prompt", "Map<String, Object> extra");
        assertRecord(RealtimeTool.FunctionTool.class,
                "String name", "String description",
                "Map<String, Object> parameters", "Boolean strict");
        assertRecord(RealtimeTool.HostedMcpTool.class,
                "String serverLabel",
                "String serverUrl", "String serverDescription", "String connectorId", "String authorization",
                "Map<String, Object> headers", "Object allowedTools", "Object requireApproval");
        assertRecord(TracingConfig.Custom.class,
                "String workflowName", "String groupId", "Map<String, Object> metadata");
        assertRecord(Prompt.class,
                "String promptId", "String version", "Map<String, Object> variables");
        assertRecord(SendMessageOptions.class,
                "boolean triggerResponse");
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
        List<Object> constants = new ArrayList<>();
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

    /** Every pinned method exists; any other abstract method would break implementors. */
    private static void assertInterface(Class<?> type, String... pinned) {
        assertThat(publicMethods(type)).as(type.getSimpleName()).contains(pinned);
        List<String> pinnedList = List.of(pinned);
        List<String> newAbstract = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers()))
                .map(ApiSurfaceTest::signature)
                .filter(signature -> !pinnedList.contains(signature))
                .collect(Collectors.toList());
        assertThat(newAbstract).as("abstract methods of %s beyond the pinned ones", type.getSimpleName()).isEmpty();
    }

    /**
     * The record has an accessor for each pinned component ("Type name") and a public constructor taking exactly
     * the pinned types in order, so code written against the pinned shape still compiles.
     */
    private static void assertRecord(Class<? extends Record> type, String... pinned) {
        assertThat(type.isRecord()).as(type.getName() + " is a record").isTrue();
        List<String> types = new ArrayList<>();
        for (String component : pinned) {
            int space = component.lastIndexOf(' ');
            String name = component.substring(space + 1);
            types.add(component.substring(0, space));
            Method accessor;
            try {
                accessor = type.getMethod(name);
            } catch (NoSuchMethodException e) {
                throw new AssertionError(type.getSimpleName() + " lost its accessor " + name + "()", e);
            }
            assertThat(simple(accessor.getGenericReturnType())).as(type.getSimpleName() + "." + name + "()")
                    .isEqualTo(component.substring(0, space));
        }
        List<String> constructors = Arrays.stream(type.getConstructors())
                .map(c -> Arrays.stream(c.getGenericParameterTypes()).map(ApiSurfaceTest::simple)
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.toList());
        assertThat(constructors).as("public constructors of " + type.getSimpleName())
                .contains(String.join(", ", types));
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
