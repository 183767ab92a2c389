package dev.miglint.rules;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AlterObject;
import dev.miglint.change.Change.AlterTable;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Change.Utility;
import dev.miglint.sql.syntax.Token;

import java.util.Locale;
import java.util.Set;

/** Statements PostgreSQL refuses inside a transaction block (SQLSTATE 25001). */
public final class TransactionBlocks {

    private static final Set<String> OUTSIDE_ONLY_OBJECTS = Set.of("DATABASE", "TABLESPACE");

    private TransactionBlocks() {
    }

    public static boolean refused(Change change) {
        if (change instanceof CreateIndex index) {
            return index.concurrently();
        }
        if (change instanceof Drop drop) {
            return drop.concurrently() || OUTSIDE_ONLY_OBJECTS.contains(drop.objectKind());
        }
        if (change instanceof Utility utility) {
            return utility.command().equals("VACUUM")
                    || utility.command().equals("REINDEX") && hasWord(utility, "CONCURRENTLY");
        }
        if (change instanceof AlterTable alter) {
            return detachesConcurrently(alter);
        }
        if (change instanceof CreateObject create) {
            return OUTSIDE_ONLY_OBJECTS.contains(create.objectKind());
        }
        return change instanceof AlterObject alter && alter.objectKind().equals("SYSTEM");
    }

    public static boolean detachesConcurrently(AlterTable alter) {
        String action = alter.action().toUpperCase(Locale.ROOT);
        return action.startsWith("DETACH PARTITION") && action.contains("CONCURRENTLY");
    }

    private static boolean hasWord(Change change, String word) {
        for (Token t : change.statement().tokens()) {
            if (t.isWord(change.statement().source(), word)) {
                return true;
            }
        }
        return false;
    }
}
