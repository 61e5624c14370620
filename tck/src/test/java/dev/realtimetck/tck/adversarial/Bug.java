package dev.realtimetck.tck.adversarial;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Describes one broken transport of the catalogue; {@link AdversarialCatalogue} reads it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface Bug {

    /** The violated rule ids of docs/transport-behaviour.md (MUST or SHOULD rules, or an X rule's port duty). */
    String[] rules();

    Category category();

    /** The realistic mistake, one sentence. */
    String mistake();

    /** Whether the bug itself is in connect or close, so that a plain connect and close need not succeed. */
    boolean breaksConnectOrClose() default false;

    /** The categories of the catalogue. */
    enum Category {
        /** What a sending method puts on the wire (A4-A15, A24-A26, A35). */
        CLIENT_FRAME,
        /** The session.update payloads (A1-A3, A16-A23). */
        SESSION_CONFIG,
        /** Audio tracking and interrupt (A27-A31, D9). */
        INTERRUPT,
        /** resetHistory (A32-A37). */
        HISTORY,
        /** How server events become transport events (B). */
        EVENT_MAPPING,
        /** When and on which thread events reach listeners. */
        EVENT_DELIVERY,
        /** Status, connect, reconnect, close (C). */
        LIFECYCLE,
        /** The opening handshake: URL and headers (C5, C6). */
        HANDSHAKE,
        /** response.create sequencing (D). */
        SEQUENCING,
        /** A call that never returns or a stage that never completes. */
        HANG
    }
}
