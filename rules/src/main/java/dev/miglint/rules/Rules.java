package dev.miglint.rules;

import dev.miglint.rules.alembic.AlembicBrokenChain;
import dev.miglint.rules.alembic.AlembicEmptyDowngrade;
import dev.miglint.rules.alembic.AlembicIrreversible;
import dev.miglint.rules.alembic.AlembicMultipleHeads;
import dev.miglint.rules.alembic.AlembicUnanalysableSql;
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
import dev.miglint.rules.drizzle.DrizzleJournalMismatch;
import dev.miglint.rules.drizzle.DrizzleJournalOrder;
import dev.miglint.rules.drizzle.DrizzleSnapshotChain;
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
import dev.miglint.rules.meta.AlembicUnreadable;
import dev.miglint.rules.meta.IgnoreWithoutReason;
import dev.miglint.rules.meta.InternalError;
import dev.miglint.rules.meta.InvalidIgnore;
import dev.miglint.rules.meta.NotAnalysed;
import dev.miglint.rules.meta.UnreadableFile;
import dev.miglint.rules.meta.UnterminatedLiteral;
import dev.miglint.rules.meta.UnusedIgnore;
import dev.miglint.rules.models.MigrationWithoutModel;
import dev.miglint.rules.models.ModelWithoutMigration;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one catalogue: every rule of every granularity (statements, revisions, histories, folders,
 * models, and miglint's own reports), sorted by id. rules, explain, the docs, SARIF, the editor's
 * links and ignore comments all read it here.
 */
public final class Rules {

    public static final List<Rule> ALL = List.<Rule>of(
            new AlembicBrokenChain(),
            new AlembicEmptyDowngrade(),
            new AlembicIrreversible(),
            new AlembicMultipleHeads(),
            new AlembicUnanalysableSql(),
            new AlembicUnreadable(),
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
            new DrizzleJournalMismatch(),
            new DrizzleJournalOrder(),
            new DrizzleSnapshotChain(),
            new IdentifierTooLong(),
            new IgnoreWithoutReason(),
            new InternalError(),
            new InvalidIgnore(),
            new MigrationWithoutModel(),
            new ModelWithoutMigration(),
            new NotAnalysed(),
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
            new RequireUuidKeys(),
            new UnreadableFile(),
            new UnterminatedLiteral(),
            new UnusedIgnore());

    /** Every id of the catalogue: what an ignore comment or a setting may name. */
    public static final Set<String> IDS = ALL.stream().map(Rule::id).collect(Collectors.toUnmodifiableSet());

    private Rules() {
    }

    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The rules of one granularity interface, in catalogue order. */
    public static <T extends Rule> List<T> ofType(Class<T> type) {
        return ALL.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The SQL rules the statement engine runs. */
    public static List<StatementRule> statementRules() {
        return ofType(StatementRule.class);
    }
}
