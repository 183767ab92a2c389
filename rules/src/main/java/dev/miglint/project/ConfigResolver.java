package dev.miglint.project;

import dev.miglint.config.ConfigLoader;
import dev.miglint.config.Settings;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the {@code .miglint.json} that governs each file (the nearest one above it) and reads it
 * once. Problems with a configuration are collected once each, for the caller to show.
 */
public final class ConfigResolver {

    private final Settings overrides;
    private final Map<Path, ConfigLoader.Loaded> byFile = new ConcurrentHashMap<>();
    /** Folder → its governing config file, or {@link #NONE} (a map cannot hold null). */
    private final Map<Path, Path> byFolder = new ConcurrentHashMap<>();
    private static final Path NONE = Path.of("");
    private final Set<String> problems = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

    /** @param overrides settings that win over any file, e.g. from CLI flags; null for none */
    public ConfigResolver(Settings overrides) {
        this.overrides = overrides;
    }

    /** The configuration in force for {@code file}: its settings and the file they came from (may be null). */
    public ConfigLoader.Loaded configFor(Path file) {
        Path config = governing(file.toAbsolutePath().getParent());
        if (config == null) {
            return new ConfigLoader.Loaded(overrides != null ? overrides : Settings.DEFAULTS, null, List.of());
        }
        ConfigLoader.Loaded loaded = byFile.computeIfAbsent(config, ConfigLoader::load);
        problems.addAll(loaded.problems());
        return overrides == null ? loaded : new ConfigLoader.Loaded(merge(loaded.settings(), overrides), config, loaded.problems());
    }

    /** The nearest config at or above {@code folder}, memoised per folder: one look per folder, not per file. */
    private Path governing(Path folder) {
        if (folder == null) {
            return null;
        }
        Path cached = byFolder.get(folder);
        if (cached == null) {
            Path here = folder.resolve(ConfigLoader.FILE_NAME);
            Path found = Files.isRegularFile(here) ? here : governing(folder.getParent());
            cached = found == null ? NONE : found;
            byFolder.put(folder, cached);
        }
        return cached == NONE ? null : cached;
    }

    public Settings settingsFor(Path file) {
        return configFor(file).settings();
    }

    /** False when the governing config's include/exclude globs leave the file out. */
    public boolean includes(Path file) {
        ConfigLoader.Loaded loaded = configFor(file);
        if (loaded.file() == null) {
            return true;
        }
        Path relative = loaded.file().getParent().relativize(file.toAbsolutePath().normalize());
        Settings s = loaded.settings();
        if (!s.include().isEmpty() && s.include().stream().noneMatch(g -> matches(g, relative))) {
            return false;
        }
        return s.exclude().stream().noneMatch(g -> matches(g, relative));
    }

    /** Java globs need a folder for each {@code **}{@code /}; users expect it to match none too, as in .gitignore. */
    private static boolean matches(String glob, Path relative) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        if (matcher.matches(relative)) {
            return true;
        }
        return glob.contains("**/") && FileSystems.getDefault().getPathMatcher("glob:" + glob.replace("**/", ""))
                .matches(relative);
    }

    public List<String> problems() {
        synchronized (problems) {
            return new ArrayList<>(problems);
        }
    }

    private static Settings merge(Settings file, Settings flags) {
        Map<String, String> rules = new java.util.LinkedHashMap<>(file.rules());
        rules.putAll(flags.rules());
        return new Settings(rules, flags.runner() != null ? flags.runner() : file.runner(),
                flags.postgresVersion() != Settings.DEFAULT_POSTGRES_VERSION ? flags.postgresVersion() : file.postgresVersion(),
                flags.acceptTransactional() || file.acceptTransactional(), file.include(), file.exclude(),
                flags.alembicVersion() != null ? flags.alembicVersion() : file.alembicVersion());
    }
}
