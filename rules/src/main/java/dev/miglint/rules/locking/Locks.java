package dev.miglint.rules.locking;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.AlterColumn;
import dev.miglint.change.Change.AlterColumnType;
import dev.miglint.change.Change.AlterTable;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.Delete;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Change.DropColumn;
import dev.miglint.change.Change.DropConstraint;
import dev.miglint.change.Change.Insert;
import dev.miglint.change.Change.RenameColumn;
import dev.miglint.change.Change.RenameConstraint;
import dev.miglint.change.Change.RenameTable;
import dev.miglint.change.Change.Truncate;
import dev.miglint.change.Change.Update;
import dev.miglint.change.Change.Utility;
import dev.miglint.change.Change.ValidateConstraint;
import dev.miglint.change.ConstraintKind;
import dev.miglint.change.Name;
import dev.miglint.sql.syntax.Statement;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The table lock a statement takes, as PostgreSQL's documentation lists it (chapter "Explicit
 * Locking" and the Notes of each command). One place, so rule messages and hovers agree.
 */
public final class Locks {

    public static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";
    public static final String EXCLUSIVE = "EXCLUSIVE";
    public static final String SHARE_ROW_EXCLUSIVE = "SHARE ROW EXCLUSIVE";
    public static final String SHARE = "SHARE";
    public static final String SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE";
    public static final String ROW_EXCLUSIVE = "ROW EXCLUSIVE";

    /** Modes that conflict with plain INSERT/UPDATE/DELETE (ROW EXCLUSIVE): they stop the application. */
    private static final Set<String> BLOCKING_WRITES = Set.of(ACCESS_EXCLUSIVE, EXCLUSIVE, SHARE_ROW_EXCLUSIVE, SHARE);

    /** Column actions documented as taking SHARE UPDATE EXCLUSIVE; every other ALTER COLUMN takes ACCESS EXCLUSIVE. */
    private static final Set<String> LIGHT_COLUMN_ACTIONS = Set.of("SET STATISTICS");

    private Locks() {
    }

    /**
     * The lock mode {@code change} takes on the table it works on, or empty when it locks no
     * existing table (CREATE TABLE, CREATE FUNCTION, SET …).
     */
    public static Optional<String> lockOf(Change change) {
        return Optional.ofNullable(mode(change));
    }

    /** True for modes that block the application's writes, and so its requests, while held. */
    public static boolean blocksWrites(String mode) {
        return BLOCKING_WRITES.contains(mode);
    }

    /** What a lock of {@code mode} stops others doing, for messages: "blocking reads and writes". */
    public static String blocks(String mode) {
        return switch (mode) {
            case ACCESS_EXCLUSIVE -> "blocking reads and writes";
            case EXCLUSIVE, SHARE_ROW_EXCLUSIVE, SHARE -> "blocking writes";
            case SHARE_UPDATE_EXCLUSIVE -> "blocking other schema changes and VACUUM but not reads or writes";
            case ROW_EXCLUSIVE -> "blocking only schema changes";
            default -> "blocking only ACCESS EXCLUSIVE";
        };
    }

    /** "an ACCESS EXCLUSIVE lock", "a SHARE lock": the mode with its article, for messages. */
    public static String aLock(String mode) {
        return (mode.startsWith("A") || mode.startsWith("E") ? "an " : "a ") + mode + " lock";
    }

    /** The table {@code change} locks, or null when the statement does not name it (DROP INDEX). */
    public static Name tableOf(Change change) {
        if (change instanceof AddColumn c) {
            return c.table();
        } else if (change instanceof DropColumn c) {
            return c.table();
        } else if (change instanceof AlterColumnType c) {
            return c.table();
        } else if (change instanceof AlterColumn c) {
            return c.table();
        } else if (change instanceof RenameColumn c) {
            return c.table();
        } else if (change instanceof RenameTable c) {
            return c.table();
        } else if (change instanceof AddConstraint c) {
            return c.table();
        } else if (change instanceof DropConstraint c) {
            return c.table();
        } else if (change instanceof ValidateConstraint c) {
            return c.table();
        } else if (change instanceof RenameConstraint c) {
            return c.table();
        } else if (change instanceof AlterTable c) {
            return c.table();
        } else if (change instanceof CreateIndex c) {
            return c.table();
        } else if (change instanceof CreateObject c) {
            return c.on();
        } else if (change instanceof Drop c) {
            if (c.on() != null) {
                return c.on();
            }
            return c.objectKind().equals("TABLE") && !c.names().isEmpty() ? c.names().get(0) : null;
        } else if (change instanceof Truncate c) {
            return c.tables().isEmpty() ? null : c.tables().get(0);
        } else if (change instanceof Insert c) {
            return c.table();
        } else if (change instanceof Update c) {
            return c.table();
        } else if (change instanceof Delete c) {
            return c.table();
        } else if (change instanceof Utility c) {
            return c.target();
        }
        return null;
    }

    private static String mode(Change change) {
        if (change instanceof AddColumn || change instanceof DropColumn || change instanceof AlterColumnType
                || change instanceof RenameColumn || change instanceof RenameTable
                || change instanceof RenameConstraint || change instanceof DropConstraint
                || change instanceof Truncate) {
            return ACCESS_EXCLUSIVE;
        }
        if (change instanceof Insert || change instanceof Update || change instanceof Delete) {
            return ROW_EXCLUSIVE;
        }
        if (change instanceof AlterColumn c) {
            return LIGHT_COLUMN_ACTIONS.contains(c.action()) ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
        }
        if (change instanceof AddConstraint c) {
            // ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE, on the referenced table too.
            return c.constraintKind() == ConstraintKind.FOREIGN_KEY ? SHARE_ROW_EXCLUSIVE : ACCESS_EXCLUSIVE;
        }
        if (change instanceof ValidateConstraint) {
            return SHARE_UPDATE_EXCLUSIVE;
        }
        if (change instanceof CreateIndex c) {
            return c.concurrently() ? SHARE_UPDATE_EXCLUSIVE : SHARE;
        }
        if (change instanceof AlterTable c) {
            return alterTable(c);
        }
        if (change instanceof CreateObject c) {
            return createObject(c);
        }
        if (change instanceof Drop c) {
            return drop(c);
        }
        if (change instanceof Utility c) {
            return utility(c);
        }
        return null;
    }

    private static String alterTable(AlterTable c) {
        String action = c.action().toUpperCase(Locale.ROOT);
        if (action.startsWith("DETACH PARTITION")) {
            return action.contains("CONCURRENTLY") ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
        }
        if (action.startsWith("ATTACH PARTITION") || action.startsWith("CLUSTER ON")
                || action.startsWith("SET WITHOUT CLUSTER") || action.startsWith("SET STATISTICS")) {
            return SHARE_UPDATE_EXCLUSIVE;
        }
        if (action.startsWith("ENABLE TRIGGER") || action.startsWith("DISABLE TRIGGER")
                || action.startsWith("ENABLE ALWAYS TRIGGER") || action.startsWith("ENABLE REPLICA TRIGGER")
                || action.startsWith("ALTER CONSTRAINT")) {
            return SHARE_ROW_EXCLUSIVE;
        }
        return ACCESS_EXCLUSIVE;
    }

    private static String createObject(CreateObject c) {
        return switch (c.objectKind()) {
            case "TRIGGER" -> SHARE_ROW_EXCLUSIVE;
            case "POLICY", "RULE" -> ACCESS_EXCLUSIVE;
            default -> null;
        };
    }

    private static String drop(Drop c) {
        return switch (c.objectKind()) {
            case "INDEX" -> c.concurrently() ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE;
            case "TABLE", "MATERIALIZED VIEW", "TRIGGER", "POLICY", "RULE" -> ACCESS_EXCLUSIVE;
            default -> null;
        };
    }

    private static String utility(Utility c) {
        boolean concurrently = hasWord(c.statement(), "CONCURRENTLY");
        return switch (c.command()) {
            case "REINDEX" -> concurrently ? SHARE_UPDATE_EXCLUSIVE : SHARE;
            case "REFRESH MATERIALIZED VIEW" -> concurrently ? EXCLUSIVE : ACCESS_EXCLUSIVE;
            case "VACUUM" -> hasWord(c.statement(), "FULL") ? ACCESS_EXCLUSIVE : SHARE_UPDATE_EXCLUSIVE;
            case "ANALYZE", "ANALYSE" -> SHARE_UPDATE_EXCLUSIVE;
            case "CLUSTER" -> ACCESS_EXCLUSIVE;
            case "LOCK" -> lockMode(c.statement());
            default -> null;
        };
    }

    /** {@code LOCK t IN <mode> MODE}; without IN it is ACCESS EXCLUSIVE. */
    private static String lockMode(Statement s) {
        for (int i = 0; i < s.size(); i++) {
            if (s.isWord(i, "IN")) {
                StringBuilder mode = new StringBuilder();
                for (int k = i + 1; k < s.size() && !s.isWord(k, "MODE"); k++) {
                    mode.append(mode.isEmpty() ? "" : " ").append(s.text(k).toUpperCase(Locale.ROOT));
                }
                return mode.isEmpty() ? ACCESS_EXCLUSIVE : mode.toString();
            }
        }
        return ACCESS_EXCLUSIVE;
    }

    static boolean hasWord(Statement s, String word) {
        for (int i = 0; i < s.size(); i++) {
            if (s.isWord(i, word)) {
                return true;
            }
        }
        return false;
    }
}
