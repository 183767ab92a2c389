package dev.miglint.alembic;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Identifiers and literals written the way SQLAlchemy's PostgreSQL dialect writes them. */
final class PgSyntax {

    /** SQLAlchemy's postgresql RESERVED_WORDS: the words it quotes even when lower case. */
    private static final Set<String> RESERVED = Set.of(("all analyse analyze and any array as asc asymmetric both"
            + " case cast check collate column constraint create current_catalog current_date current_role"
            + " current_time current_timestamp current_user default deferrable desc distinct do else end except"
            + " false fetch for foreign from grant group having in initially intersect into leading limit"
            + " localtime localtimestamp new not null of off offset old on only or order placing primary"
            + " references returning select session_user some symmetric table then to trailing true union"
            + " unique user using variadic when where window with authorization between binary cross"
            + " current_schema freeze full ilike inner is isnull join left like natural notnull outer over"
            + " overlaps right similar verbose").split(" "));
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private PgSyntax() {
    }

    /** The name as is when PostgreSQL would read it back unchanged, else double-quoted. */
    static String ident(String name) {
        if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String qualified(String schema, String name) {
        return schema == null ? ident(name) : ident(schema) + "." + ident(name);
    }

    static String idents(List<String> names) {
        return names.stream().map(PgSyntax::ident).collect(Collectors.joining(", "));
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String upper(String word) {
        return word.toUpperCase(Locale.ROOT);
    }
}
