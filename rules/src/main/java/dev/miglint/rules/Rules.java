package dev.miglint.rules;

import dev.miglint.rules.destructive.BanCascade;
import dev.miglint.rules.destructive.BanColumnTypeChange;
import dev.miglint.rules.destructive.BanDeleteWithoutWhere;
import dev.miglint.rules.destructive.BanDropColumn;
import dev.miglint.rules.destructive.BanDropNotNull;
import dev.miglint.rules.destructive.BanDropSchema;
import dev.miglint.rules.destructive.BanDropTable;
import dev.miglint.rules.destructive.BanRename;
import dev.miglint.rules.destructive.BanTruncate;
import dev.miglint.rules.idempotency.RequireGuardedConstraint;
import dev.miglint.rules.idempotency.RequireGuardedType;
import dev.miglint.rules.idempotency.RequireIfExists;
import dev.miglint.rules.idempotency.RequireIfNotExists;
import dev.miglint.rules.idempotency.RequireMatchingHandler;
import dev.miglint.rules.idempotency.RequireOnConflict;
import dev.miglint.rules.idempotency.RequireOrReplace;

import java.util.List;
import java.util.Optional;

/** The one list that registers every rule, sorted by id. */
public final class Rules {

    public static final List<Rule> ALL = List.of(
            new BanCascade(),
            new BanColumnTypeChange(),
            new BanDeleteWithoutWhere(),
            new BanDropColumn(),
            new BanDropNotNull(),
            new BanDropSchema(),
            new BanDropTable(),
            new BanRename(),
            new BanTruncate(),
            new RequireGuardedConstraint(),
            new RequireGuardedType(),
            new RequireIfExists(),
            new RequireIfNotExists(),
            new RequireMatchingHandler(),
            new RequireOnConflict(),
            new RequireOrReplace());

    private Rules() {
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.info().id().equals(id)).findFirst();
    }
}
