package dev.miglint.rules.locking;

import dev.miglint.change.ColumnDef;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a column definition of ADD COLUMN puts into the rows that already exist. */
public final class ColumnFacts {

    private static final Pattern SERIAL = Pattern.compile("(?i)(small|big)?serial[248]?");
    private static final Pattern IDENTITY = Pattern.compile("(?i)\\bGENERATED\\s+(ALWAYS|BY\\s+DEFAULT)\\s+AS\\s+IDENTITY\\b");

    /**
     * Functions PostgreSQL marks VOLATILE that defaults commonly call: each existing row needs its own
     * value, so the table is rewritten. now(), CURRENT_TIMESTAMP and friends are STABLE: one value for
     * all rows, no rewrite.
     */
    private static final Pattern VOLATILE_CALL = Pattern.compile("(?i)\\b(random|random_normal|gen_random_uuid"
            + "|uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4|uuidv4|uuidv7|gen_random_bytes|clock_timestamp"
            + "|timeofday|nextval)\\s*\\(");

    private ColumnFacts() {
    }

    /** The first version that adds a column with a non-volatile default without rewriting the table. */
    private static final int FAST_DEFAULT_VERSION = 11;

    /**
     * Why ADD COLUMN of {@code column} computes a value for each existing row, and so rewrites the
     * table ("has a DEFAULT calling random(), which is volatile"), or null when it does not.
     */
    public static String rewriteCause(ColumnDef column, String text, int postgresVersion) {
        if (isSerial(column)) {
            return "is " + column.type().trim().toLowerCase(Locale.ROOT) + ", whose default nextval() is volatile";
        }
        if (isIdentity(column, text)) {
            return "is an identity column, filled from a sequence";
        }
        if (column.generated()) {
            // GENERATED ALWAYS AS (expr) STORED: the expression is computed and stored for every row.
            return "is a stored generated column, computed and written for each existing row";
        }
        String call = volatileCall(column);
        if (call != null) {
            return "has a DEFAULT calling " + call + ", which is volatile";
        }
        if (hasDefault(column) && postgresVersion < FAST_DEFAULT_VERSION) {
            return "has a DEFAULT, and before PostgreSQL 11 every default is written into each row";
        }
        return null;
    }

    public static boolean isSerial(ColumnDef column) {
        return column.type() != null && SERIAL.matcher(column.type().trim()).matches();
    }

    public static boolean isIdentity(ColumnDef column, String text) {
        return column.generated() && IDENTITY.matcher(column.span().text(text)).find();
    }

    /** True when DEFAULT is given and is not DEFAULT NULL. */
    public static boolean hasDefault(ColumnDef column) {
        return column.defaultValue() != null && !column.defaultValue().trim().toLowerCase(Locale.ROOT).equals("null");
    }

    /** The volatile function the default calls ("gen_random_uuid()"), or null. */
    public static String volatileCall(ColumnDef column) {
        if (column.defaultValue() == null) {
            return null;
        }
        var m = VOLATILE_CALL.matcher(column.defaultValue());
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) + "()" : null;
    }
}
