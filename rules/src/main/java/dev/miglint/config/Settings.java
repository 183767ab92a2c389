package dev.miglint.config;

import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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

    /** The severity a rule reports at here, or empty when it is off. */
    public Optional<Severity> severityOf(RuleInfo info) {
        String level = rules.get(info.id());
        if (level == null) {
            return info.optIn() ? Optional.empty() : Optional.of(info.severity());
        }
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "off" -> Optional.empty();
            case "info" -> Optional.of(Severity.INFO);
            case "warning", "warn" -> Optional.of(Severity.WARNING);
            case "error" -> Optional.of(Severity.ERROR);
            default -> Optional.of(info.severity());
        };
    }

    public Runner runnerOr(Runner detected) {
        return runner != null ? runner : detected;
    }

    public Settings withRunner(Runner r) {
        return new Settings(rules, r, postgresVersion, acceptTransactional, include, exclude, alembicVersion);
    }
}
