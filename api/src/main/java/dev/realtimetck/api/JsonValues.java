package dev.realtimetck.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deep immutable copies of JSON-like values: {@code null}, {@link String}, {@link Boolean}, {@link Number},
 * {@link List} of JSON-like values and {@link Map} from {@code String} to JSON-like values.
 *
 * <p>The API uses these wherever TypeScript has free-form JSON ({@code Record<string, any>}). Unlike
 * {@link Map#copyOf}, the copies keep JSON {@code null} values (which the protocol distinguishes from absent
 * keys) and keep insertion order.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /**
     * A deep immutable copy of a JSON object.
     *
     * @param object the object, or null (then null is returned)
     * @return the copy
     * @throws IllegalArgumentException naming the key path of a value that is not JSON-like
     */
    public static Map<String, Object> copyOf(Map<String, ?> object) {
        return object == null ? null : copyObject(object, "$");
    }

    /**
     * A deep immutable copy of a JSON array.
     *
     * @param array the array, or null (then null is returned)
     * @return the copy
     * @throws IllegalArgumentException naming the index path of a value that is not JSON-like
     */
    public static List<Object> copyOfList(List<?> array) {
        return array == null ? null : copyArray(array, "$");
    }

    /** An empty immutable JSON object. */
    public static Map<String, Object> emptyObject() {
        return Collections.emptyMap();
    }

    private static Map<String, Object> copyObject(Map<?, ?> object, String path) {
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, object.size() * 2));
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + ": JSON object keys must be strings, found "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
            }
            copy.put(key, copyValue(entry.getValue(), path + "." + key));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static List<Object> copyArray(List<?> array, String path) {
        List<Object> copy = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            copy.add(copyValue(array.get(i), path + "[" + i + "]"));
        }
        return Collections.unmodifiableList(copy);
    }

    private static Object copyValue(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return copyObject(map, path);
        }
        if (value instanceof List<?> list) {
            return copyArray(list, path);
        }
        throw new IllegalArgumentException(path + ": not a JSON value: " + value.getClass().getName());
    }

    static Map<String, Object> copyOrEmpty(Map<String, ?> object) {
        return object == null ? emptyObject() : copyOf(object);
    }

    static Map<String, Object> requiredCopy(Map<String, ?> object, String field) {
        return copyOf(Objects.requireNonNull(object, field));
    }
}
