package dev.miglint.sql.syntax;

import java.util.Locale;

/** A PostgreSQL error code and its PL/pgSQL condition name. */
public record SqlState(String code, String name) {

    public static final SqlState DUPLICATE_TABLE = new SqlState("42P07", "duplicate_table");
    public static final SqlState DUPLICATE_OBJECT = new SqlState("42710", "duplicate_object");
    public static final SqlState DUPLICATE_COLUMN = new SqlState("42701", "duplicate_column");
    public static final SqlState DUPLICATE_SCHEMA = new SqlState("42P06", "duplicate_schema");
    public static final SqlState DUPLICATE_FUNCTION = new SqlState("42723", "duplicate_function");
    public static final SqlState INVALID_TABLE_DEFINITION = new SqlState("42P16", "invalid_table_definition");
    public static final SqlState UNDEFINED_TABLE = new SqlState("42P01", "undefined_table");
    public static final SqlState UNDEFINED_OBJECT = new SqlState("42704", "undefined_object");
    public static final SqlState UNDEFINED_COLUMN = new SqlState("42703", "undefined_column");
    public static final SqlState UNDEFINED_FUNCTION = new SqlState("42883", "undefined_function");
    public static final SqlState INVALID_SCHEMA_NAME = new SqlState("3F000", "invalid_schema_name");
    public static final SqlState UNIQUE_VIOLATION = new SqlState("23505", "unique_violation");

    /** Class-level condition names that catch every code of their class. */
    private static final String[][] CLASSES = {
            {"42", "syntax_error_or_access_rule_violation"},
            {"23", "integrity_constraint_violation"},
    };

    /** True when {@code EXCEPTION WHEN <condition>} catches an error with this state. */
    public static boolean conditionCatches(String condition, SqlState state) {
        String c = condition.trim().toLowerCase(Locale.ROOT);
        if (c.equals("others") || c.equals(state.name)) {
            return true;
        }
        if (c.startsWith("sqlstate")) {
            String code = c.substring("sqlstate".length()).trim().replace("'", "").toUpperCase(Locale.ROOT);
            return code.equals(state.code)
                    || (code.endsWith("000") && code.length() == 5 && state.code.startsWith(code.substring(0, 2)));
        }
        for (String[] cls : CLASSES) {
            if (c.equals(cls[1]) && state.code.startsWith(cls[0])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name + " (" + code + ")";
    }
}
