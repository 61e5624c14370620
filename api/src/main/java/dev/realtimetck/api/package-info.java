/**
 * The {@code RealtimeTransportLayer} contract of the OpenAI Agents SDK ({@code @openai/agents-realtime}) in
 * idiomatic Java 17: {@link dev.realtimetck.api.RealtimeTransportLayer}, its events
 * ({@link dev.realtimetck.api.TransportEventType}, {@link dev.realtimetck.api.TransportEventSource}) and every type
 * they name. No runtime dependencies.
 */
package dev.realtimetck.api;
