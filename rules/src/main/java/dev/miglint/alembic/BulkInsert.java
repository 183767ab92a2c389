package dev.miglint.alembic;

import dev.miglint.alembic.PyRead.Unreadable;
import dev.miglint.python.PyString;
import dev.miglint.python.PyToken;
import dev.miglint.python.PyTokenKind;
import dev.miglint.python.PyTokenizer;
import dev.miglint.python.PyValue;
import dev.miglint.python.PyValue.Call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * op.bulk_insert(table, rows): one INSERT per row, as Alembic prints it offline. The reader keeps
 * dict literals as text, so each row is tokenized here; only literal keys and values are read.
 */
final class BulkInsert {

    private BulkInsert() {
    }

    static List<String> statements(OpArgs a) {
        String table = table(a.get("table"));
        List<String> out = new ArrayList<>();
        for (PyValue row : PyRead.items(a.get("rows"), "rows")) {
            if (!(row instanceof PyValue.Other dict) || !dict.text().startsWith("{")) {
                throw PyRead.unreadable("row", row);
            }
            Map<String, String> values = row(dict.text());
            out.add("INSERT INTO " + table + " (" + PgSyntax.idents(List.copyOf(values.keySet())) + ") VALUES ("
                    + String.join(", ", values.values()) + ")");
        }
        return out;
    }

    /** A name bound to sa.table("t", …) elsewhere is taken by its own name; sa.table("t", …) itself by "t". */
    private static String table(PyValue v) {
        if (v instanceof PyValue.Name n) {
            return PgSyntax.ident(PyRead.lastSegment(n.dotted()));
        }
        if (v instanceof Call c && PyRead.lastSegment(c.callee()).equalsIgnoreCase("table")) {
            String schema = c.keyword("schema").flatMap(s -> PyRead.optionalName(s.value(), "schema")).orElse(null);
            return PgSyntax.qualified(schema, PyRead.name(c.arg0(), "table name"));
        }
        throw PyRead.unreadable("bulk_insert table", v);
    }

    /** {"k": literal, …} as column → SQL literal, in the dict's order. */
    private static Map<String, String> row(String text) {
        List<PyToken> tokens = PyTokenizer.tokenize(text).tokens().stream()
                .filter(t -> !t.is(PyTokenKind.NL) && !t.is(PyTokenKind.NEWLINE) && !t.is(PyTokenKind.COMMENT)
                        && !t.is(PyTokenKind.ENDMARKER))
                .toList();
        Map<String, String> out = new LinkedHashMap<>();
        int i = 1;
        while (i + 2 < tokens.size() && tokens.get(i).is(PyTokenKind.STRING) && tokens.get(i + 1).isOp(text, ":")) {
            String key = PyString.decode(text, tokens.get(i)).value();
            int end = i + 2;
            while (end < tokens.size() - 1 && !(tokens.get(end).depth() == 1 && tokens.get(end).isOp(text, ","))) {
                end++;
            }
            out.put(key, literal(text, tokens.subList(i + 2, end)));
            i = end + 1;
        }
        if (out.isEmpty() || i < tokens.size() - 1) {
            throw new Unreadable("bulk_insert row is not a dict of literals");
        }
        return out;
    }

    private static String literal(String text, List<PyToken> value) {
        String joined = value.stream().map(t -> t.text(text)).collect(Collectors.joining());
        if (value.size() == 1 && value.get(0).is(PyTokenKind.STRING)) {
            return PgSyntax.literal(PyString.decode(text, value.get(0)).value());
        }
        if (value.stream().allMatch(t -> t.is(PyTokenKind.NUMBER) || t.isOp(text, "-"))) {
            return joined;
        }
        return switch (joined) {
            case "None" -> "NULL";
            case "True" -> "true";
            case "False" -> "false";
            default -> throw new Unreadable("bulk_insert value is not a literal: " + joined);
        };
    }
}
