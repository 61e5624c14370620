package dev.realtimetck.mockserver.scenario;

import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The line of each JSON Pointer in a YAML (or JSON) document, for error messages: a bad event is reported with
 * its file, line and pointer.
 */
final class SourceLines {

    private final Map<String, Integer> lines = new HashMap<>();

    private SourceLines() {
    }

    /** The lines of {@code text}; an unreadable document gives no lines (the parse error is reported elsewhere). */
    static SourceLines of(YAMLMapper yaml, String text) {
        SourceLines out = new SourceLines();
        try (JsonParser parser = yaml.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.PROPERTY_NAME) {
                    continue;
                }
                String pointer = parser.streamReadContext().pathAsPointer().toString();
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                out.lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (JacksonException e) {
            // keep what was read
        }
        return out;
    }

    /**
     * The line where the value at {@code pointer} (or its nearest recorded ancestor) starts; 0 when unknown.
     */
    int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 0;
            }
            p = p.substring(0, slash);
        }
    }
}
