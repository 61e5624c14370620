package dev.realtimetck.tck;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/** Placeholder. */
@Tag("client")
@ExtendWith(TckExtension.class)
@DisplayNameGeneration(TckDisplayNames.class)
public interface ClientEventRules extends TransportUnderTest {
}
