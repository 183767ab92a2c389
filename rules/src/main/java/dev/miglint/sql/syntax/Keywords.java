package dev.miglint.sql.syntax;

import java.util.Locale;
import java.util.Set;

/** The SQL keywords that appear in action labels; only these are shown upper-cased. */
public final class Keywords {

    private static final Set<String> KEYWORDS = Set.of(
            "add", "all", "alter", "always", "as", "attach", "authorization", "by", "bypassrls", "cascade",
            "cluster", "column", "connect", "connection", "constraint", "create", "createdb", "createrole",
            "data", "default", "delete", "depends", "detach", "disable", "drop", "enable", "encrypted",
            "execute", "extension", "for", "force", "from", "full", "function", "functions", "grant",
            "grants", "identity", "in", "index", "inherit", "insert", "level", "limit", "logged", "login",
            "maintain", "no", "noinherit", "nologin", "not", "nothing", "of", "off", "on", "only", "options",
            "owned", "owner", "partition", "password", "privileges", "procedure", "public", "references",
            "rename", "replica", "reset", "restart", "revoke", "role", "routines", "row", "rule", "schema",
            "security", "select", "sequences", "set", "statistics", "storage", "superuser", "tables",
            "tablespace", "temp", "temporary", "to", "trigger", "truncate", "type", "types", "unlogged",
            "until", "update", "usage", "user", "using", "valid", "validate", "value", "version", "with",
            "without");

    private Keywords() {
    }

    public static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toLowerCase(Locale.ROOT));
    }
}
