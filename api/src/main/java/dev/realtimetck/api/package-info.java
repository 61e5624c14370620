/**
 * The {@code RealtimeTransportLayer} contract of the OpenAI Agents SDK ({@code @openai/agents-realtime}) in
 * idiomatic Java 17: {@link dev.realtimetck.api.RealtimeTransportLayer}, its events
 * ({@link dev.realtimetck.api.TransportEventType}, {@link dev.realtimetck.api.TransportEventSource}) and every type
 * they name. No runtime dependencies.
 *
 * <h2>Where to start</h2>
 * <ul>
 *   <li>Using a transport: {@link dev.realtimetck.api.RealtimeTransportLayer} (the TypeScript members, one Java
 *   method each, plus default overloads for TypeScript's optional arguments) and
 *   {@link dev.realtimetck.api.TransportEventSource#on} with a {@link dev.realtimetck.api.TransportEventType}
 *   constant, which fixes the payload type at compile time.</li>
 *   <li>Writing a transport: delegate registration to a {@link dev.realtimetck.api.TransportEventEmitter} and
 *   follow the threading contract stated on {@link dev.realtimetck.api.TransportEventSource}.</li>
 *   <li>Configuring a session: {@link dev.realtimetck.api.RealtimeSessionConfig#builder()}.</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Data types are records and sealed interfaces. Constructors validate required fields and name the field in
 *   the exception; collections are copied and unmodifiable.</li>
 *   <li>Free-form JSON ({@code Record<string, any>} in TypeScript) is a {@code Map<String, Object>} of JSON-like
 *   values, deep-copied by {@link dev.realtimetck.api.JsonValues} (JSON {@code null} values kept).</li>
 *   <li>In configuration, a null field means "unspecified"; a setting switched off (JSON {@code null} on the
 *   wire) is a value of its own, for example {@link dev.realtimetck.api.TurnDetection#disabled()}.</li>
 *   <li>TypeScript {@code null} results become explicit values ({@link dev.realtimetck.api.MuteState#NOT_HANDLED});
 *   promises become {@link java.util.concurrent.CompletionStage}; {@code off(...)} becomes
 *   {@link dev.realtimetck.api.Subscription#remove()}.</li>
 * </ul>
 */
package dev.realtimetck.api;
