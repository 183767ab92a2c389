package dev.miglint.config;


import java.util.List;
import java.util.Map;

/**
 * What a project configures, in the shape of {@code .miglint.json} and of the LSP setting
 * {@code miglint}.
 *
 * @param rules               rule id → "off" | "info" | "warning" | "error"
 * @param runner              how files are applied; null when not set (then detected)
 * @param postgresVersion     the server's major version; decides e.g. CREATE OR REPLACE TRIGGER (14+)
 * @param acceptTransactional accept unguarded statements inside a transaction, as squawk does
 * @param alembicVersion      the project's Alembic version (decides which keyword fixes exist); null: detected
 */
public record Settings(Map<String, String> rules, Runner runner, int postgresVersion, boolean acceptTransactional,
                       List<String> include, List<String> exclude, String alembicVersion) {

    public static final int DEFAULT_POSTGRES_VERSION = 17;
    public static final Settings DEFAULTS = new Settings(Map.of(), null, DEFAULT_POSTGRES_VERSION, false, List.of(),
            List.of());

    public Settings(Map<String, String> rules, Runner runner, int postgresVersion, boolean acceptTransactional,
                    List<String> include, List<String> exclude) {
        this(rules, runner, postgresVersion, acceptTransactional, include, exclude, null);
    }

    public Settings {
        rules = Map.copyOf(rules);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }


    public Runner runnerOr(Runner detected) {
        return runner != null ? runner : detected;
    }

    public Settings withRunner(Runner r) {
        return new Settings(rules, r, postgresVersion, acceptTransactional, include, exclude, alembicVersion);
    }
}
