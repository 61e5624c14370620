package dev.realtimetck.tck.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits an adapter command line such as {@code node my-adapter.mjs --flag "a b"} into its words: whitespace
 * separates words, single or double quotes group them, a backslash escapes the next character outside single
 * quotes. No shell is involved.
 */
public final class AdapterCommand {

    private AdapterCommand() {
    }

    /**
     * The words of {@code line}.
     *
     * @throws IllegalArgumentException when a quote is not closed or the line has no word
     */
    public static List<String> split(String line) {
        Objects.requireNonNull(line, "line");
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("adapter command: unclosed " + quote + " quote in: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("adapter command: empty");
        }
        return List.copyOf(words);
    }
}
