package dev.realtimetck.mockserver.replay;

import dev.realtimetck.mockserver.core.FolderPaths;
import dev.realtimetck.mockserver.scenario.Scenario;
import dev.realtimetck.mockserver.scenario.ScenarioBehaviorFactory;
import dev.realtimetck.mockserver.scenario.ScenarioCatalog;
import dev.realtimetck.mockserver.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of scenario files ({@code .yaml}, {@code .yml}, {@code .json}) and recordings ({@code .jsonl}) in a
 * {@link ScenarioCatalog}, each named after its file without the extension ({@code turn.yaml} is {@code turn}).
 * {@link #refresh()} reloads the files that changed since the last look (by modification time and size), adds new
 * ones and removes deleted ones; the server calls it before each named lookup, so an edited file is live for the
 * next session. A file that no longer loads keeps its previous version and is logged.
 *
 * <p>Every file name is resolved with {@link FolderPaths#resolveInside}: a symbolic link that leads out of the
 * directory is skipped (and logged), so a scenario name never reads a file outside it.
 */
public final class ScenarioDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioDirectory.class);

    private final Path dir;
    private final ScenarioCatalog catalog;
    private final boolean strict;
    private final double replaySpeed;
    private final boolean freshIds;
    private final Map<Path, String> seen = new HashMap<>();

    /**
     * @param dir the directory
     * @param catalog where the scenarios go
     * @param strict load every scenario as strict (close with 1008 on a mismatch)
     * @param replaySpeed the replay speed of recordings
     * @param freshIds replay recordings with fresh ids
     */
    public ScenarioDirectory(Path dir, ScenarioCatalog catalog, boolean strict, double replaySpeed, boolean freshIds) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.strict = strict;
        this.replaySpeed = replaySpeed;
        this.freshIds = freshIds;
    }

    /** The directory. */
    public Path path() {
        return dir;
    }

    /**
     * Loads every file; the first one that does not load fails the whole load.
     *
     * @throws ScenarioException naming the file (and line and JSON Pointer for a bad event), or the directory
     */
    public synchronized void load() {
        if (!Files.isDirectory(dir)) {
            throw new ScenarioException("scenario directory " + dir + ": not a directory");
        }
        catalog.removeAll(ScenarioCatalog.Origin.DIRECTORY);
        seen.clear();
        for (Path file : files()) {
            put(file, loadFile(file));
        }
    }

    /** Reloads what changed since the last look; failures are logged and keep the previous version. */
    public synchronized void refresh() {
        List<Path> files;
        try {
            files = files();
        } catch (ScenarioException e) {
            LOG.warn("{}", e.getMessage());
            return;
        }
        Set<Path> present = new HashSet<>(files);
        for (Path gone : Set.copyOf(seen.keySet())) {
            if (!present.contains(gone)) {
                seen.remove(gone);
                catalog.remove(name(gone));
                LOG.info("scenario '{}' removed ({} was deleted)", name(gone), gone);
            }
        }
        for (Path file : files) {
            if (fingerprint(file).equals(seen.get(file))) {
                continue;
            }
            try {
                put(file, loadFile(file));
                LOG.info("scenario '{}' (re)loaded from {}", name(file), file);
            } catch (RuntimeException e) {
                seen.put(file, fingerprint(file)); // report a broken file once, not at every session
                LOG.warn("scenario file {} does not load; the previous version stays: {}", file, e.getMessage());
            }
        }
    }

    private void put(Path file, Scenario scenario) {
        seen.put(file, fingerprint(file));
        catalog.put(name(file), scenario, ScenarioCatalog.Origin.DIRECTORY, file.toString());
    }

    private Scenario loadFile(Path file) {
        ScenarioBehaviorFactory factory = MockScenarios.fromFile(file, strict, replaySpeed, freshIds);
        return factory.scenario();
    }

    private List<Path> files() {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(ScenarioDirectory::isScenarioFile).map(this::inside).flatMap(Optional::stream)
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new ScenarioException("scenario directory " + dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** {@code file} resolved inside the directory; empty (and logged) when it leads out of it. */
    private Optional<Path> inside(Path file) {
        try {
            FolderPaths.resolveInside(dir, file.getFileName().toString());
            return Optional.of(file);
        } catch (IllegalArgumentException e) {
            LOG.warn("scenario directory {}: skipped {}", dir, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean isScenarioFile(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json") || n.endsWith(".jsonl");
    }

    private static String name(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    private static String fingerprint(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
