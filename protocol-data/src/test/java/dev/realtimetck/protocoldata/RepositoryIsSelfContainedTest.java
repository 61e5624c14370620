package dev.realtimetck.protocoldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user clones only the repository: no file of it may point at reference material outside it, and every link
 * to a rule of {@code docs/transport-behaviour.md} must land on an anchor that document defines.
 */
class RepositoryIsSelfContainedTest {

    /** The repository root: this test runs in {@code <root>/protocol-data}. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path BEHAVIOUR = ROOT.resolve("docs").resolve("transport-behaviour.md");
    private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", ".mvn");
    private static final Set<String> TEXT_ENDINGS = Set.of(".java", ".md", ".xml", ".sh", ".mjs", ".js", ".json",
            ".yaml", ".yml", ".properties", ".txt", ".cmd", "run");

    /** Built from parts so that this file does not match itself. */
    private static final List<String> OUTSIDE_REFERENCES = List.of(".." + "/shared", "realtimetck." + "shared.dir",
            "transport-" + "rules.md", "/work" + "/");
    private static final Pattern RULE_LINK = Pattern.compile("transport-behaviour\\.md#([A-Za-z0-9_-]+)");
    private static final Pattern ANCHOR = Pattern.compile("<a id=\"([^\"]+)\"></a>");

    /** Every text file of the repository with its contents, read once. */
    private static Map<Path, String> files;

    @BeforeAll
    static void listFiles() throws IOException {
        assertThat(ROOT.resolve("pom.xml")).isRegularFile();
        assertThat(ROOT.resolve("protocol-data")).isDirectory();
        try (Stream<Path> walk = Files.walk(ROOT)) {
            List<Path> paths = walk.filter(Files::isRegularFile)
                    .filter(p -> !containsSkippedDir(ROOT.relativize(p)))
                    .filter(p -> TEXT_ENDINGS.stream().anyMatch(e -> p.getFileName().toString().endsWith(e)))
                    .toList();
            files = new LinkedHashMap<>();
            for (Path path : paths) {
                files.put(ROOT.relativize(path), read(path));
            }
        }
        assertThat(files).hasSizeGreaterThan(100);
    }

    private static boolean containsSkippedDir(Path relative) {
        for (Path part : relative) {
            if (SKIPPED_DIRS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return "";
        }
    }

    @Test
    void noFilePointsAtMaterialOutsideTheRepository() {
        List<String> found = new ArrayList<>();
        files.forEach((file, text) -> {
            for (String reference : OUTSIDE_REFERENCES) {
                if (text.contains(reference)) {
                    found.add(file + " mentions " + reference);
                }
            }
        });
        assertThat(found).isEmpty();
    }

    @Test
    void everyRuleLinkLandsOnAnAnchorOfTheBehaviourDocument() throws IOException {
        assertThat(BEHAVIOUR).isRegularFile();
        String document = read(BEHAVIOUR);
        Set<String> anchors = new HashSet<>();
        Matcher a = ANCHOR.matcher(document);
        while (a.find()) {
            anchors.add(a.group(1));
        }
        // the anchors GitHub derives from headings: lower case, punctuation dropped, spaces to hyphens
        document.lines().filter(line -> line.startsWith("#")).forEach(line -> anchors.add(
                line.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-')));
        assertThat(anchors).contains("a1", "a37", "b1", "b25", "c1", "c17", "d0", "d11", "x1", "x26");

        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Matcher m = RULE_LINK.matcher(file.getValue());
            while (m.find()) {
                links++;
                if (!anchors.contains(m.group(1))) {
                    broken.add(file.getKey() + " links #" + m.group(1));
                }
            }
        }
        assertThat(broken).isEmpty();
        assertThat(links).as("links to rules from the TCK, SPEC.md and the reference transport").isGreaterThan(50);
    }
}
