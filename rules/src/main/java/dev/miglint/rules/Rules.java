package dev.miglint.rules;

import dev.miglint.rules.conventions.PreferBigint;
import dev.miglint.rules.conventions.PreferIdentity;
import dev.miglint.rules.conventions.PreferJsonb;
import dev.miglint.rules.conventions.PreferText;
import dev.miglint.rules.conventions.PreferTimestamptz;
import dev.miglint.rules.conventions.RequireUuidKeys;
import dev.miglint.rules.correctness.BanNestedTransaction;
import dev.miglint.rules.correctness.BanUncommittedTransaction;
import dev.miglint.rules.correctness.IdentifierTooLong;
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
import dev.miglint.rules.locking.BanConcurrentlyInTransaction;
import dev.miglint.rules.locking.BanRequiredColumn;
import dev.miglint.rules.locking.BanSetNotNull;
import dev.miglint.rules.locking.BanUniqueWithoutIndex;
import dev.miglint.rules.locking.BanVolatileDefault;
import dev.miglint.rules.locking.RequireConcurrentDropIndex;
import dev.miglint.rules.locking.RequireConcurrentIndex;
import dev.miglint.rules.locking.RequireLockTimeout;
import dev.miglint.rules.locking.RequireNotValid;

import java.util.List;
import java.util.Optional;

/** The one list that registers every rule, sorted by id. */
public final class Rules {

    public static final List<Rule> ALL = List.of(
            new BanCascade(),
            new BanColumnTypeChange(),
            new BanConcurrentlyInTransaction(),
            new BanDeleteWithoutWhere(),
            new BanDropColumn(),
            new BanDropNotNull(),
            new BanDropSchema(),
            new BanDropTable(),
            new BanNestedTransaction(),
            new BanRename(),
            new BanRequiredColumn(),
            new BanSetNotNull(),
            new BanTruncate(),
            new BanUncommittedTransaction(),
            new BanUniqueWithoutIndex(),
            new BanVolatileDefault(),
            new IdentifierTooLong(),
            new PreferBigint(),
            new PreferIdentity(),
            new PreferJsonb(),
            new PreferText(),
            new PreferTimestamptz(),
            new RequireConcurrentDropIndex(),
            new RequireConcurrentIndex(),
            new RequireGuardedConstraint(),
            new RequireGuardedType(),
            new RequireIfExists(),
            new RequireIfNotExists(),
            new RequireLockTimeout(),
            new RequireMatchingHandler(),
            new RequireNotValid(),
            new RequireOnConflict(),
            new RequireOrReplace(),
            new RequireUuidKeys());

    private Rules() {
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.info().id().equals(id)).findFirst();
    }
}
