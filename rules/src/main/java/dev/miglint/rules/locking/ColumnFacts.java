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
