package dev.miglint.rules.destructive;

import dev.miglint.change.Change;
import dev.miglint.sql.syntax.Statement;

/**
 * Whether {@code ALTER COLUMN … TYPE} rewrites the table: shared by {@link BanColumnTypeChange} and
 * the statement hover, so both give the same answer.
 */
public final class TypeChanges {

    /** What changing a column from one type to another costs. */
    public enum Rewrite {
        /** A catalog-only change: no row is touched. */
        NO,
        /** Every row and index is rewritten. */
        YES,
        /** timestamp to timestamptz: in place on PostgreSQL 12+ when the session TimeZone is UTC, else a rewrite. */
        UNLESS_UTC,
        /** One of the types is unknown or not a built-in: miglint cannot tell. */
        UNKNOWN
    }

    private TypeChanges() {
    }

    /**
     * The cost of changing a column typed {@code from} (as written; null when unknown) to {@code to},
     * with or without a USING clause.
     */
    public static Rewrite of(String from, String to, boolean using) {
        SqlType a = SqlType.parse(from);
        SqlType b = SqlType.parse(to);
        if (a == null || b == null) {
            return Rewrite.UNKNOWN;
        }
        if (using) {
            return Rewrite.YES;
        }
        if (a.base().equals("timestamp") && b.base().equals("timestamptz") && !a.array() && !b.array()) {
            return sameOrWiderPrecision(a, b) ? Rewrite.UNLESS_UTC : Rewrite.YES;
        }
        if (noRewrite(a, b)) {
            return Rewrite.NO;
        }
        return a.builtIn() && b.builtIn() ? Rewrite.YES : Rewrite.UNKNOWN;
    }

    /** COLLATE in this action (not in another action of the same ALTER TABLE). */
    public static boolean collates(Change change) {
        Statement s = change.statement();
        for (int k = 0; k < s.size(); k++) {
            if (s.token(k).start() >= change.span().start() && s.token(k).end() <= change.span().end()
                    && s.isWord(k, "COLLATE")) {
                return true;
            }
        }
        return false;
    }

    /** Changes PostgreSQL makes in the catalog alone: binary-coercible types whose new modifier admits every old value. */
    static boolean noRewrite(SqlType from, SqlType to) {
        if (from.equals(to)) {
            return true;
        }
        if (from.array() || to.array()) {
            return false;
        }
        return switch (from.base()) {
            case "varchar" -> to.base().equals("text") || to.base().equals("varchar") && longerOrFree(from, to);
            case "text" -> to.base().equals("varchar") && !to.constrained();
            case "numeric" -> to.base().equals("numeric") && (!to.constrained()
                    || from.constrained() && to.length() >= from.length()
                    && to.modifiers().get(1).equals(from.modifiers().get(1)));
            case "timestamp", "timestamptz" -> to.base().equals(from.base()) && sameOrWiderPrecision(from, to);
            case "cidr" -> to.base().equals("inet") && !to.constrained();
            case "bit", "varbit" -> to.base().equals("varbit") && longerOrFree(from, to);
            default -> false;
        };
    }

    private static boolean longerOrFree(SqlType from, SqlType to) {
        return !to.constrained() || from.constrained() && to.length() >= from.length();
    }

    /** timestamp(p): no modifier means the maximum precision, 6. */
    static boolean sameOrWiderPrecision(SqlType from, SqlType to) {
        int old = from.constrained() ? from.length() : 6;
        int now = to.constrained() ? to.length() : 6;
        return now >= old;
    }
}
