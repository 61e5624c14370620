/**
 * The mock server's core: the session hub that opens and lists sessions, {@link
 * dev.realtimetck.mockserver.core.MockSession} with its frame log, and the interfaces its features plug into
 * ({@link dev.realtimetck.mockserver.core.SessionBehavior},
 * {@link dev.realtimetck.mockserver.core.SessionContext},
 * {@link dev.realtimetck.mockserver.core.SessionBehaviorFactory},
 * {@link dev.realtimetck.mockserver.core.SessionRegistry},
 * {@link dev.realtimetck.mockserver.core.EventValidator}).
 * It imports no other package of the module; {@code MockRealtimeServer} wires the simulator, scenarios, replay,
 * schema validation and the admin API around it (see "Architecture" in the module README).
 */
package dev.realtimetck.mockserver.core;
