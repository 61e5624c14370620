package dev.realtimetck.tck.adversarial;

import dev.realtimetck.api.RealtimeTransportLayer;
import dev.realtimetck.tck.RealtimeTransportTck;
import dev.realtimetck.tck.TckTransportSettings;

/**
 * Runs the whole TCK on one catalogue entry, named by the system property {@code adversarial.entry} (for example
 * {@code ADV-017}). Not picked up by a plain build (the name does not end in Test); run it with
 * {@code -Dtest=CatalogueEntryTck -Dadversarial.entry=ADV-017}. A TCK that catches the entry's bug fails.
 */
class CatalogueEntryTck extends RealtimeTransportTck {

    @Override
    public RealtimeTransportLayer createTransport(TckTransportSettings settings) {
        String id = System.getProperty("adversarial.entry");
        if (id == null) {
            throw new IllegalStateException("adversarial.entry: name a catalogue entry, for example ADV-017");
        }
        return AdversarialCatalogue.entries().stream().filter(entry -> entry.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("adversarial.entry: no entry " + id))
                .create(settings);
    }
}
