/**
 * The protocol simulator: {@link dev.realtimetck.mockserver.simulator.RealtimeSimulator}, a
 * {@link dev.realtimetck.mockserver.core.SessionBehavior} that answers client events like the OpenAI Realtime GA API,
 * deterministically, configured by {@link dev.realtimetck.mockserver.simulator.SimulatorOptions}. The module
 * README's "Simulator" section lists every behaviour and trigger.
 */
package dev.realtimetck.mockserver.simulator;
