package dev.miglint.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings one source gives (a {@code .miglint.json}, the editor, command-line flags), in the
 * shape of {@code .miglint.json}. A key the source does not set is null, so layers merge per key:
 * the editor's {@code postgresVersion} wins over the file's, and the file's {@code include} still
 * applies when the editor says nothing of it. Rule levels merge per rule.
 *
 * @param rules rule id → "off" | "info" | "warning" | "error"; the rules this layer sets
 */
public record SettingsLayer(Map<String, String> rules, Runner runner, Integer postgresVersion,
                            Boolean acceptTransactional, List<String> include, List<String> exclude,
                            String alembicVersion) {

    public static final SettingsLayer EMPTY = new SettingsLayer(Map.of(), null, null, null, null, null, null);

    public SettingsLayer {
        rules = Map.copyOf(rules);
        include = include == null ? null : List.copyOf(include);
        exclude = exclude == null ? null : List.copyOf(exclude);
    }

    /** Only rule levels, as {@code check --enable/--disable} give them. */
    public static SettingsLayer ofRules(Map<String, String> rules) {
        return new SettingsLayer(rules, null, null, null, null, null, null);
    }

    /** This layer over {@code lower}: each key this layer sets wins, the others come from {@code lower}. */
    public SettingsLayer over(SettingsLayer lower) {
        Map<String, String> merged = new LinkedHashMap<>(lower.rules);
        merged.putAll(rules);
        return new SettingsLayer(merged, runner != null ? runner : lower.runner,
                postgresVersion != null ? postgresVersion : lower.postgresVersion,
                acceptTransactional != null ? acceptTransactional : lower.acceptTransactional,
                include != null ? include : lower.include, exclude != null ? exclude : lower.exclude,
                alembicVersion != null ? alembicVersion : lower.alembicVersion);
    }

    /** The settings in force: this layer with the defaults for every key it leaves unset. */
    public Settings resolve() {
        return new Settings(rules, runner, postgresVersion != null ? postgresVersion : Settings.DEFAULT_POSTGRES_VERSION,
                acceptTransactional != null && acceptTransactional, include != null ? include : List.of(),
                exclude != null ? exclude : List.of(), alembicVersion);
    }
}
