package dev.realtimetck.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Keeps the TypeScript-to-Java tables of {@code api/README.md} complete as the API evolves: every method of
 * {@link RealtimeTransportLayer} and {@link TransportEventSource}, every {@link TransportEventType} and every
 * public type of the package has a row.
 */
class ReadmeMappingTest {

    private static final Path README = Path.of("README.md");
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "realtimetck", "api");

    /** Table rows, split into cells at unescaped pipes. */
    private List<List<String>> rows;
    private String readme;

    @BeforeEach
    void readTables() throws IOException {
        assertThat(README).as("api/README.md, read from the module directory").isRegularFile();
        readme = Files.readString(README, StandardCharsets.UTF_8);
        rows = new ArrayList<>();
        for (String line : readme.split("\n")) {
            if (line.startsWith("|") && !line.startsWith("|---")) {
                rows.add(Arrays.stream(line.split("(?<!\\\\)\\|")).map(String::trim).filter(c -> !c.isEmpty())
                        .collect(Collectors.toList()));
            }
        }
    }

    @Test
    void everyTransportMethodHasARowWhoseJavaColumnNamesIt() {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : List.of(RealtimeTransportLayer.class, TransportEventSource.class)) {
            for (String name : methodNames(type)) {
                boolean found = rows.stream().anyMatch(row -> row.size() >= 2
                        && row.subList(1, row.size()).stream().anyMatch(cell -> cell.contains(name + "(")));
                if (!found) {
                    missing.add(type.getSimpleName() + "." + name);
                }
            }
        }
        assertThat(missing).as("methods without a row in README.md").isEmpty();
    }

    @Test
    void everyTransportEventTypeHasARowWithItsTypeScriptKeyAndItsConstant() {
        List<String> missing = new ArrayList<>();
        for (TransportEventType<?> type : TransportEventType.values()) {
            String constant = type.name().toUpperCase(java.util.Locale.ROOT);
            boolean found = rows.stream().anyMatch(row -> !row.isEmpty()
                    && row.get(0).equals("`" + type.name() + "`")
                    && String.join(" ", row).contains(constant));
            if (!found) {
                missing.add(type.name());
            }
        }
        assertThat(missing).as("event types without a row in README.md").isEmpty();
        assertThat(rows).as("the '*' key maps to onAny")
                .anyMatch(row -> row.get(0).equals("`'*'`") && String.join(" ", row).contains("onAny"));
    }

    @Test
    void everyPublicTypeOfThePackageIsMentioned() throws IOException {
        List<String> types;
        try (Stream<Path> files = Files.list(SOURCES)) {
            types = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".java") && !n.equals("package-info.java"))
                    .map(n -> n.substring(0, n.length() - ".java".length()))
                    .filter(ReadmeMappingTest::isPublic)
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertThat(types).contains("RealtimeTransportLayer", "TransportEventEmitter", "JsonValues");
        List<String> missing = types.stream().filter(t -> !readme.contains("`" + t)).collect(Collectors.toList());
        assertThat(missing).as("public types README.md never mentions").isEmpty();
    }

    private static List<String> methodNames(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .map(Method::getName)
                .distinct()
                .sorted()
                .collect(Collectors.toList());
    }

    private static boolean isPublic(String simpleName) {
        try {
            return Modifier.isPublic(Class.forName("dev.realtimetck.api." + simpleName).getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class for source file " + simpleName, e);
        }
    }
}
