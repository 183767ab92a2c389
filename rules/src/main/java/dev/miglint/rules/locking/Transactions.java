package dev.miglint.rules.locking;

import dev.miglint.change.Change;
import dev.miglint.change.Change.Transaction;
import dev.miglint.config.Runner;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.TransactionBlocks;


/**
 * Whether a statement that PostgreSQL refuses inside a transaction block would land in one, and
 * how to say so: the BEGIN of the file, a DO block, or the runner's own transaction.
 */
final class Transactions {

    /**
     * Where a statement lands that cannot run in a transaction, and what to do about it.
     *
     * @param where  completes "… cannot run inside a transaction, and here it runs …"
     * @param remedy what to do, as an imperative
     */
    record Trap(String where, String remedy) {
    }

    private Transactions() {
    }

    /**
     * The transaction {@code change} would run in if it were a statement that must run outside one
     * (CREATE INDEX CONCURRENTLY …), or null when it runs on its own.
     */
    static Trap trap(Change change, RuleContext ctx) {
        if (change.statement().guard().inDoBlock()) {
            return new Trap("inside a DO block, which runs as one statement in one transaction",
                    "run it as a top-level statement, outside the DO block");
        }
        if (ctx.inExplicitTransaction()) {
            return new Trap("inside the BEGIN on line " + openBeginLine(ctx), "move it after the COMMIT");
        }
        Runner runner = ctx.runner();
        if (runner == Runner.FLYWAY) {
            // Flyway runs such a statement's file without a transaction, but refuses to mix it with others.
            return flyway(change, ctx);
        }
        if (!ctx.runnerWrapsFile()) {
            return null;
        }
        return switch (runner) {
            case PRISMA -> new Trap("in a Prisma migration of several statements, which PostgreSQL runs as one "
                    + "transaction", "move it to a migration of its own, as its only statement");
            case DRIZZLE -> new Trap("under drizzle-kit's migrator, which runs all pending files in one transaction",
                    "run it outside drizzle-kit migrate");
            case SUPABASE -> new Trap("under the Supabase CLI, which runs each migration file in a transaction",
                    "run it outside the migration runner");
            case ALEMBIC -> new Trap("in an Alembic migration, which runs in a transaction",
                    "run it inside op.get_context().autocommit_block()");
            default -> new Trap("in the transaction " + runner.label() + " wraps each file in",
                    "run it outside the migration runner");
        };
    }

    /**
     * Flyway runs a file outside a transaction when a statement in it must run outside one, and
     * refuses a file that mixes such statements with others (unless {@code mixed=true}).
     */
    private static Trap flyway(Change change, RuleContext ctx) {
        for (Change other : ctx.changes()) {
            if (other.statement() != change.statement() && !other.statement().guard().inDoBlock()
                    && !TransactionBlocks.refused(other)) {
                return new Trap("in a Flyway migration with other statements, which Flyway refuses to mix with it "
                        + "(unless mixed=true)", "move it to a migration file of its own");
            }
        }
        return null;
    }

    /** 1-based line of the BEGIN that is open at the change being checked. */
    private static int openBeginLine(RuleContext ctx) {
        int begin = -1;
        for (Change c : ctx.before()) {
            if (c instanceof Transaction t && !c.statement().guard().inDoBlock()) {
                if (t.command().equals("BEGIN") && begin < 0) {
                    begin = c.span().start();
                } else if (t.command().equals("COMMIT") || t.command().equals("ROLLBACK")) {
                    begin = -1;
                }
            }
        }
        return begin < 0 ? 0 : lineOf(ctx.text(), begin);
    }

    static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
