package dev.realtimetck.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Constructor validation shared by the value types; every message names the field. */
final class Checks {
    private Checks() {
    }

    static String requireText(String value, String field) {
        Objects.requireNonNull(value, field);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }

    static <T> List<T> listOf(List<? extends T> list, String field) {
        if (list == null) {
            return null;
        }
        List<T> copy = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            copy.add(Objects.requireNonNull(list.get(i), field + "[" + i + "]"));
        }
        return Collections.unmodifiableList(copy);
    }

    static <T> List<T> requiredListOf(List<? extends T> list, String field) {
        return listOf(Objects.requireNonNull(list, field), field);
    }
}
