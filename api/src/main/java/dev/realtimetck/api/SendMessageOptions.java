package dev.realtimetck.api;

/**
 * Options of {@link RealtimeTransportLayer#sendMessage}. Renders the TypeScript {@code options} argument
 * ({@code {triggerResponse?: boolean}}).
 *
 * @param triggerResponse whether a response is requested after the message (TypeScript default: true)
 */
public record SendMessageOptions(boolean triggerResponse) {
    /** {@code triggerResponse = true}, the TypeScript default. */
    public static final SendMessageOptions DEFAULT = new SendMessageOptions(true);

    /** {@code triggerResponse = false}. */
    public static final SendMessageOptions NO_RESPONSE = new SendMessageOptions(false);
}
