package dev.realtimetck.protocoldata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The data files of this module, read from the class path: the OpenAI Realtime event schemas (a subset of OpenAI's
 * OpenAPI document), the document's own example events, and the benchmark corpora.
 *
 * <p>The OpenAI material is MIT licensed; its notice is the resource {@value #OPENAI_LICENSE}. Every name below is a
 * resource path relative to {@code dev/realtimetck/protocoldata/}.
 */
public final class ProtocolData {

    /** The OpenAPI subset holding every Realtime client and server event schema (MIT, OpenAI). */
    public static final String OPENAPI_SUBSET = "openai-realtime/openapi-realtime-subset.json";
    /** The OpenAPI document's example client events, one {@code {"schema", "strict_json_in_spec", "event"}} a line. */
    public static final String CLIENT_EXAMPLES = "openai-realtime/examples/client-events.jsonl";
    /** The OpenAPI document's example server events, one {@code {"schema", "strict_json_in_spec", "event"}} a line. */
    public static final String SERVER_EXAMPLES = "openai-realtime/examples/server-events.jsonl";
    /** The MIT licence notice that covers the three OpenAI files above. */
    public static final String OPENAI_LICENSE = "openai-realtime/LICENSE";
    /** The benchmark corpora, by name: server events of one turn, one JSON object a line. */
    public static final List<String> CORPORA = List.of("response-audio", "response-text", "function-call");

    private static final String ROOT = "/dev/realtimetck/protocoldata/";

    private ProtocolData() {
    }

    /**
     * The resource path of a corpus.
     *
     * @param name one of {@link #CORPORA}
     * @return the name to pass to {@link #lines} or {@link #open}
     * @throws IllegalArgumentException naming the known corpora when {@code name} is not one of them
     */
    public static String corpus(String name) {
        Objects.requireNonNull(name, "name");
        if (!CORPORA.contains(name)) {
            throw new IllegalArgumentException("name: no corpus '" + name + "'; known: " + String.join(", ", CORPORA));
        }
        return "corpus/" + name + ".jsonl";
    }

    /**
     * Opens a data file.
     *
     * @param name a resource path relative to this module's data folder, e.g. {@link #SERVER_EXAMPLES}
     * @return a fresh stream the caller closes
     * @throws IllegalArgumentException naming the resource when it is not on the class path
     */
    public static InputStream open(String name) {
        Objects.requireNonNull(name, "name");
        InputStream in = ProtocolData.class.getResourceAsStream(ROOT + name);
        if (in == null) {
            throw new IllegalArgumentException("name: no protocol data file '" + name + "' on the class path (looked for "
                    + ROOT + name + ")");
        }
        return in;
    }

    /**
     * Reads a data file as UTF-8 text.
     *
     * @param name as for {@link #open}
     * @return the whole file
     */
    public static String text(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read protocol data file " + name, e);
        }
    }

    /**
     * Reads the non-blank lines of a JSON Lines data file, in order.
     *
     * @param name as for {@link #open}
     * @return the lines, without blank ones
     */
    public static List<String> lines(String name) {
        return text(name).lines().filter(line -> !line.isBlank()).toList();
    }
}
