/**
 * The bridge to transports in other processes and languages: the protocol of {@code tck/BRIDGE.md}
 * ({@link dev.realtimetck.tck.bridge.BridgeProcess}), the {@code RealtimeTransportLayer} that speaks it
 * ({@link dev.realtimetck.tck.bridge.BridgedTransport}), and the TCK class that runs every rule over it
 * ({@link dev.realtimetck.tck.bridge.BridgeTck}).
 */
package dev.realtimetck.tck.bridge;
