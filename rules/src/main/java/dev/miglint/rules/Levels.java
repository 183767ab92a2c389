package dev.miglint.rules;

import dev.miglint.config.Settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The level policy: what severity a rule reports at under some settings, or whether it is off. */
public final class Levels {

    private Levels() {
    }

    /** The severity {@code info}'s rule reports at, or empty when it is off (opt-in rules are off until set). */
    public static Optional<Severity> of(Settings settings, RuleInfo info) {
        if (info.optIn() && !settings.rules().containsKey(info.id())) {
            return Optional.empty();
        }
        return of(settings, info.id(), info.severity());
    }

    /** The level {@code ruleId} is set to, {@code byDefault} when it is not set; empty when it is off. */
    public static Optional<Severity> of(Settings settings, String ruleId, Severity byDefault) {
        String level = settings.rules().get(ruleId);
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

    /** The ids of {@code ruleIds} not set to off. */
    public static Set<String> enabled(Settings settings, Collection<String> ruleIds) {
        Set<String> on = new HashSet<>();
        for (String id : ruleIds) {
            if (!"off".equalsIgnoreCase(settings.rules().get(id))) {
                on.add(id);
            }
        }
        return on;
    }

    /**
     * Findings of rules judged outside the statement engine (history, folder, model) at the levels set:
     * a rule set to off reports nothing, one set to a level reports at it.
     */
    public static List<Finding> apply(Settings settings, List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            of(settings, f.rule(), f.severity()).ifPresent(level -> out.add(level == f.severity() ? f
                    : new Finding(f.rule(), level, f.message(), f.help(), f.range(), f.fixes())));
        }
        return out;
    }
}
