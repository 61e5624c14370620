package dev.realtimetck.mockserver.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The default conversation of a session: items in order, each with the audio of its audio content parts.
 * Not thread-safe (a session's callbacks run serially).
 */
final class Conversation {

    /** One item as stored: the protocol JSON without audio data, plus the audio (null for none). */
    static final class Entry {
        final ObjectNode item;
        AudioClip audio;
        /** Set once the client truncated this item's audio; a streaming response then stops extending it. */
        boolean truncated;

        Entry(ObjectNode item, AudioClip audio) {
            this.item = item;
            this.audio = audio;
        }

        String id() {
            return item.path("id").asString();
        }
    }

    private final String id;
    private final List<Entry> entries = new ArrayList<>();

    Conversation(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    Optional<Entry> find(String itemId) {
        return entries.stream().filter(e -> e.id().equals(itemId)).findFirst();
    }

    boolean contains(String itemId) {
        return find(itemId).isPresent();
    }

    /** The id of the last item, or null when the conversation is empty. */
    String lastItemId() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).id();
    }

    /**
     * Inserts {@code entry} after {@code previousItemId} ({@code null}: at the end; {@code "root"}: at the start).
     *
     * @return the id of the item now before it, or null when it is the first
     * @throws IllegalArgumentException if {@code previousItemId} is not in the conversation
     */
    String insert(Entry entry, String previousItemId) {
        int index;
        if (previousItemId == null) {
            index = entries.size();
        } else if (previousItemId.equals("root")) {
            index = 0;
        } else {
            index = indexOf(previousItemId) + 1;
            if (index == 0) {
                throw new IllegalArgumentException(previousItemId);
            }
        }
        entries.add(index, entry);
        return index == 0 ? null : entries.get(index - 1).id();
    }

    /** Removes the item; false when it was not there. */
    boolean delete(String itemId) {
        int index = indexOf(itemId);
        if (index < 0) {
            return false;
        }
        entries.remove(index);
        return true;
    }

    /** Copies of the items, oldest first. */
    List<ObjectNode> items() {
        List<ObjectNode> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.item.deepCopy()));
        return out;
    }

    /** The entries, oldest first (live view; do not modify). */
    List<Entry> entries() {
        return entries;
    }

    private int indexOf(String itemId) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(itemId)) {
                return i;
            }
        }
        return -1;
    }
}
