package dev.realtimetck.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deep immutable copies of JSON-like values: {@code null}, {@link String}, {@link Boolean}, finite immutable
 * numbers ({@link Integer}, {@link Long}, {@link Short}, {@link Byte}, {@link Double}, {@link Float},
 * {@link java.math.BigInteger}, {@link java.math.BigDecimal}), {@link List} of JSON-like values and {@link Map}
 * from {@code String} to JSON-like values, nested at most 1000 levels deep.
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
        return object == null ? null : object(object, "$");
    }

    /**
     * A deep immutable copy of a JSON array.
     *
     * @param array the array, or null (then null is returned)
     * @return the copy
     * @throws IllegalArgumentException naming the index path of a value that is not JSON-like
     */
    public static List<Object> copyOfList(List<?> array) {
        return array == null ? null : array(array, "$");
    }

    /** An empty immutable JSON object. */
    public static Map<String, Object> emptyObject() {
        return Collections.emptyMap();
    }

    /** Deeper nesting is rejected: no protocol message comes close, and a cyclic map would never end. */
    static final int MAX_DEPTH = 1000;

    private static Map<String, Object> object(Map<?, ?> object, String root) {
        try {
            return copyObject(object, 0);
        } catch (BadValue e) {
            throw e.toException(root);
        }
    }

    private static List<Object> array(List<?> array, String root) {
        try {
            return copyArray(array, 0);
        } catch (BadValue e) {
            throw e.toException(root);
        }
    }

    // The key path is assembled only on failure, while the exception unwinds, so copying costs no strings.
    private static Map<String, Object> copyObject(Map<?, ?> object, int depth) {
        checkDepth(depth);
        LinkedHashMap<String, Object> copy = new LinkedHashMap<>(Math.max(4, object.size() * 2));
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new BadValue("JSON object keys must be strings, found "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
            }
            try {
                copy.put(key, copyValue(entry.getValue(), depth));
            } catch (BadValue e) {
                throw e.in("." + key);
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    private static List<Object> copyArray(List<?> array, int depth) {
        checkDepth(depth);
        List<Object> copy = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            try {
                copy.add(copyValue(array.get(i), depth));
            } catch (BadValue e) {
                throw e.in("[" + i + "]");
            }
        }
        return Collections.unmodifiableList(copy);
    }

    private static void checkDepth(int depth) {
        if (depth >= MAX_DEPTH) {
            throw new BadValue("nested deeper than " + MAX_DEPTH + " levels (a map or list that contains itself?)");
        }
    }

    private static Object copyValue(Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return checkNumber(number);
        }
        if (value instanceof Map<?, ?> map) {
            return copyObject(map, depth + 1);
        }
        if (value instanceof List<?> list) {
            return copyArray(list, depth + 1);
        }
        throw new BadValue("not a JSON value: " + value.getClass().getName());
    }

    private static Number checkNumber(Number number) {
        if (number instanceof Double || number instanceof Float) {
            if (!Double.isFinite(number.doubleValue())) {
                throw new BadValue("not a JSON number: " + number);
            }
            return number;
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
                || number instanceof BigInteger || number instanceof BigDecimal) {
            return number;
        }
        // AtomicInteger, LongAdder, ... are mutable: a copy would still change with them
        throw new BadValue("not a JSON value: " + number.getClass().getName());
    }

    /** A rejected value on its way out, collecting its key path. */
    private static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private static final int MAX_PATH = 200;
        private final transient ArrayDeque<String> path = new ArrayDeque<>();

        BadValue(String message) {
            super(message, null, false, false);
        }

        BadValue in(String segment) {
            path.addFirst(segment);
            return this;
        }

        IllegalArgumentException toException(String root) {
            StringBuilder where = new StringBuilder(root);
            for (String segment : path) {
                if (where.length() > MAX_PATH) {
                    where.append("...");
                    break;
                }
                where.append(segment);
            }
            return new IllegalArgumentException(where + ": " + getMessage());
        }
    }

    /** A copy whose error messages start with {@code field} instead of {@code $}. */
    static Map<String, Object> copyOf(Map<String, ?> object, String field) {
        return object == null ? null : object(object, field);
    }

    static List<Object> copyOfList(List<?> array, String field) {
        return array == null ? null : array(array, field);
    }

    static Map<String, Object> copyOrEmpty(Map<String, ?> object, String field) {
        return object == null ? emptyObject() : object(object, field);
    }

    static Map<String, Object> requiredCopy(Map<String, ?> object, String field) {
        return object(Objects.requireNonNull(object, field), field);
    }
}
