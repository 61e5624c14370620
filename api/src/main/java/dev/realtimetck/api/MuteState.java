package dev.realtimetck.api;

/**
 * Whether the transport's audio input is muted. Renders TypeScript {@code RealtimeTransportLayer.muted}
 * ({@code boolean | null}); the Java rendering replaces {@code null} ("muting is not handled by this transport")
 * with the explicit {@link #NOT_HANDLED}.
 */
public enum MuteState {
    /** The transport mutes input audio and it is muted now. */
    MUTED,
    /** The transport mutes input audio and it is not muted now. */
    UNMUTED,
    /** The transport does not handle muting; {@link RealtimeTransportLayer#mute(boolean)} throws. */
    NOT_HANDLED
}
