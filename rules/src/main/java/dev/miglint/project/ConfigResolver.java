package dev.miglint.project;

import dev.miglint.config.ConfigLoader;
import dev.miglint.config.Settings;
import dev.miglint.config.SettingsLayer;

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
 * Finds the {@code .miglint.json} that governs each file (the nearest one above it), reads it once,
 * and lays the overrides (the editor's settings, command-line flags) over it key by key: a key the
 * overrides set wins, the others come from the file, the defaults fill the rest. Problems with a
 * configuration are collected once each, for the caller to show.
 */
public final class ConfigResolver {

    private final SettingsLayer overrides;
    /** The folders the overrides' include/exclude globs are relative to (the editor's workspace folders). */
    private final List<Path> overrideRoots;
    private final Map<Path, ConfigLoader.Loaded> byFile = new ConcurrentHashMap<>();
    /** Folder → its governing config file, or {@link #NONE} (a map cannot hold null). */
    private final Map<Path, Path> byFolder = new ConcurrentHashMap<>();
    private static final Path NONE = Path.of("");
    /** Whether each file is included, decided once: globs are matched per file, not per look. */
    private final Map<Path, Boolean> included = new ConcurrentHashMap<>();
    private final Set<String> problems = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

    /** No overrides: each file's .miglint.json and the defaults. */
    public ConfigResolver() {
        this(SettingsLayer.EMPTY, List.of());
    }

    /**
     * @param overrides settings that win over any file, key by key (editor settings, CLI flags)
     * @param roots     the folders the overrides' include/exclude globs are relative to
     */
    public ConfigResolver(SettingsLayer overrides, List<Path> roots) {
        this.overrides = overrides == null ? SettingsLayer.EMPTY : overrides;
        this.overrideRoots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
    }

    /** The configuration in force for {@code file}: the overrides over its file's settings, and that file (may be null). */
    public ConfigLoader.Loaded configFor(Path file) {
        ConfigLoader.Loaded fromFile = fileConfigFor(file);
        return new ConfigLoader.Loaded(overrides.over(fromFile.layer()), fromFile.file(), fromFile.problems());
    }

    private ConfigLoader.Loaded fileConfigFor(Path file) {
        Path config = governing(file.toAbsolutePath().getParent());
        if (config == null) {
            return new ConfigLoader.Loaded(SettingsLayer.EMPTY, null, List.of());
        }
        ConfigLoader.Loaded loaded = byFile.computeIfAbsent(config, ConfigLoader::load);
        problems.addAll(loaded.problems());
        return loaded;
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

    /** The settings for text that is no file (an untitled editor buffer): the overrides and the defaults. */
    public Settings settingsWithoutFile() {
        return overrides.resolve();
    }

    public Settings settingsFor(Path file) {
        return configFor(file).settings();
    }

    /** True when {@code file} has its include globs set (by the overrides or its config file). */
    public boolean hasIncludes(Path file) {
        List<String> include = overrides.include() != null ? overrides.include() : fileConfigFor(file).layer().include();
        return include != null && !include.isEmpty();
    }

    /**
     * False when the include/exclude globs in force leave the file out. The overrides' globs are
     * relative to the override root holding the file, a config file's to the config's folder.
     */
    public boolean includes(Path file) {
        Boolean known = included.get(file);
        if (known != null) {
            return known;
        }
        Path absolute = file.toAbsolutePath().normalize();
        boolean decided = decideIncludes(absolute);
        included.put(file, decided);
        return decided;
    }

    private boolean decideIncludes(Path absolute) {
        ConfigLoader.Loaded fromFile = fileConfigFor(absolute);
        Path configBase = fromFile.file() == null ? null : fromFile.file().getParent();
        List<String> include = overrides.include() != null ? overrides.include() : fromFile.layer().include();
        Path includeBase = overrides.include() != null ? overrideRoot(absolute) : configBase;
        if (include != null && !include.isEmpty() && include.stream().noneMatch(g -> matches(g, relative(absolute, includeBase)))) {
            return false;
        }
        List<String> exclude = overrides.exclude() != null ? overrides.exclude() : fromFile.layer().exclude();
        Path excludeBase = overrides.exclude() != null ? overrideRoot(absolute) : configBase;
        return exclude == null || exclude.stream().noneMatch(g -> matches(g, relative(absolute, excludeBase)));
    }

    private Path overrideRoot(Path file) {
        return overrideRoots.stream().filter(file::startsWith).max((a, b) -> a.getNameCount() - b.getNameCount())
                .orElse(null);
    }

    /** The path globs are matched against: relative to their base, else the absolute path without its root. */
    private static Path relative(Path file, Path base) {
        if (base != null && file.startsWith(base)) {
            return base.relativize(file);
        }
        return file.getRoot() == null ? file : file.getRoot().relativize(file);
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
}
