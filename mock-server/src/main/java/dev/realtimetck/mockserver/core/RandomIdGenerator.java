package dev.realtimetck.mockserver.core;

import java.security.SecureRandom;
import java.util.Objects;

/** Ids like the real API's: the prefix, an underscore and 20 random alphanumeric characters. */
final class RandomIdGenerator implements IdGenerator {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private final SecureRandom random = new SecureRandom();

    @Override
    public String next(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        StringBuilder id = new StringBuilder(prefix.length() + 21).append(prefix).append('_');
        for (int i = 0; i < 20; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
