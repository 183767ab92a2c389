package dev.miglint.rules;

import dev.miglint.rules.destructive.BanDropColumn;
import dev.miglint.rules.idempotency.RequireGuardedConstraint;
import dev.miglint.rules.idempotency.RequireIfNotExists;

import java.util.List;
import java.util.Optional;

/** The one list that registers every rule, sorted by id. */
public final class Rules {

    public static final List<Rule> ALL = List.of(
            new BanDropColumn(),
            new RequireGuardedConstraint(),
            new RequireIfNotExists());

    private Rules() {
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.info().id().equals(id)).findFirst();
    }
}
