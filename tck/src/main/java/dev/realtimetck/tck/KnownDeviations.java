package dev.realtimetck.tck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A table of the rules a given transport is known not to pass, each with the id of the quirk (section E of the
 * transport behaviour rules, {@code X1}..) or capability absence that explains it, and a reason. The report shows
 * the id beside the verdict ({@code knownDeviation}); a run that checks the table fails on any FAIL or NON_STRICT
 * the table does not explain. File format:
 *
 * <pre>{@code
 * {"transport": "@openai/agents-realtime 0.20.0",
 *  "deviations": {"RT-THREAD-001": {"quirk": "X24", "reason": "..."}}}
 * }</pre>
 *
 * @param transport what the table is about
 * @param deviations rule id to its explanation
 */
public record KnownDeviations(String transport, Map<String, Deviation> deviations) {

    /** Configuration parameter (or system property) naming a known-deviations file for the report. */
    public static final String PARAMETER = "tck.knownDeviations";

    /**
     * One explained rule.
     *
     * @param quirk the id of the quirk or rule that explains it, for example {@code X24}
     * @param reason one or two sentences of evidence
     */
    public record Deviation(String quirk, String reason) {
        /** Validates the fields. */
        public Deviation {
            Objects.requireNonNull(quirk, "quirk");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Validates and copies. */
    public KnownDeviations {
        Objects.requireNonNull(transport, "transport");
        deviations = Collections.unmodifiableMap(new LinkedHashMap<>(deviations));
    }

    /** The explanation of a rule, if any. */
    public Optional<Deviation> of(String ruleId) {
        return Optional.ofNullable(deviations.get(ruleId));
    }

    /**
     * Reads a table.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the entry that is malformed or names an unknown rule
     */
    public static KnownDeviations read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JsonMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getOriginalMessage(), e);
        }
        Map<String, Deviation> out = new LinkedHashMap<>();
        JsonNode table = root.path("deviations");
        if (!table.isObject()) {
            throw new IllegalArgumentException(file + ": 'deviations' must be an object of rule id to {quirk, reason}");
        }
        for (Map.Entry<String, JsonNode> e : table.properties()) {
            if (RuleCatalogue.standard().find(e.getKey()).isEmpty()) {
                throw new IllegalArgumentException(file + ": deviations." + e.getKey() + ": no such rule");
            }
            String quirk = e.getValue().path("quirk").asString("");
            String reason = e.getValue().path("reason").asString("");
            if (quirk.isBlank() || reason.isBlank()) {
                throw new IllegalArgumentException(file + ": deviations." + e.getKey()
                        + ": needs a non-empty 'quirk' and 'reason'");
            }
            out.put(e.getKey(), new Deviation(quirk, reason));
        }
        return new KnownDeviations(root.path("transport").asString("unnamed transport"), out);
    }
}
