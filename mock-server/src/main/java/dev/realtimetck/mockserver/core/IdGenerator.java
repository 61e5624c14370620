package dev.realtimetck.mockserver.core;

/** Generates protocol ids with the real API's prefixes. Thread-safe. */
public interface IdGenerator {

    /**
     * A fresh id with the given prefix, for example {@code next("item")} gives {@code item_...}.
     *
     * @param prefix the id prefix without the underscore
     */
    String next(String prefix);
}
