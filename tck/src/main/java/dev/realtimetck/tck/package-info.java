/**
 * The Realtime TCK: conformance tests for any {@code RealtimeTransportLayer} implementation.
 *
 * <p>An implementer writes one class that extends {@link dev.realtimetck.tck.RealtimeTransportTck} and builds a
 * fresh transport in {@code createTransport}; {@code mvn test} then runs every rule of the catalogue
 * ({@code SPEC.md}) against a mock server the TCK starts per test, and writes {@code target/tck-report}.
 */
package dev.realtimetck.tck;
