package dev.miglint.config;

import dev.miglint.rules.Finding;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.Collection;
import java.util.ArrayList;
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
        if (info.optIn() && !rules.containsKey(info.id())) {
            return Optional.empty();
        }
        return levelOf(info.id(), info.severity());
    }

    /** The level {@code ruleId} is set to here, {@code byDefault} when it is not set; empty when it is off. */
    public Optional<Severity> levelOf(String ruleId, Severity byDefault) {
        String level = rules.get(ruleId);
        if (level == null) {
            return Optional.of(byDefault);
        }
        return switch (level.toLowerCase(Locale.ROOT)) {
            case "off" -> Optional.empty();
            case "info" -> Optional.of(Severity.INFO);
            case "warning", "warn" -> Optional.of(Severity.WARNING);
            case "error" -> Optional.of(Severity.ERROR);
            default -> Optional.of(byDefault);
        };
    }

    /** The ids of {@code ruleIds} not set to off here. */
    public Set<String> enabled(Collection<String> ruleIds) {
        Set<String> on = new HashSet<>();
        for (String id : ruleIds) {
            if (!"off".equalsIgnoreCase(rules.get(id))) {
                on.add(id);
            }
        }
        return on;
    }

    /**
     * {@code findings} of rules outside the SQL engine (project rules, model checks) at the levels set
     * here: a rule set to off reports nothing, one set to a level reports at it.
     */
    public List<Finding> atConfiguredLevels(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            levelOf(f.rule(), f.severity()).ifPresent(level -> out.add(level == f.severity() ? f
                    : new Finding(f.rule(), level, f.message(), f.help(), f.range(), f.fixes())));
        }
        return out;
    }

    public Runner runnerOr(Runner detected) {
        return runner != null ? runner : detected;
    }

    public Settings withRunner(Runner r) {
        return new Settings(rules, r, postgresVersion, acceptTransactional, include, exclude, alembicVersion);
    }
}
