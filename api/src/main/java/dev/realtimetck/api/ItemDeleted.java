package dev.realtimetck.api;

/**
 * The payload of {@code item_deleted}. Renders TypeScript {@code {itemId}}.
 *
 * @param itemId the deleted item's id, non-empty
 */
public record ItemDeleted(String itemId) {
    /** Validates. */
    public ItemDeleted {
        Checks.requireText(itemId, "itemId");
    }
}
