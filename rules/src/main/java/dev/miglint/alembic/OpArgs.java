package dev.miglint.alembic;

import dev.miglint.alembic.PyRead.Unreadable;
import dev.miglint.python.Arg;
import dev.miglint.python.PyValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One op call's arguments read against Alembic's signature for the op, so an argument is found
 * whether it was given by position or by keyword. A signature is space-separated parameters, each
 * {@code name|legacy_alias}; {@code @} marks the table parameter, which batch ops do not have, and a
 * leading {@code *} the varargs.
 */
final class OpArgs {

    private final OpCall call;
    private final List<List<String>> params = new ArrayList<>();
    private String tableParam;

    OpArgs(OpCall call, String signature) {
        this.call = call;
        for (String p : signature.split(" ")) {
            boolean table = p.startsWith("@");
            List<String> names = Arrays.asList((table ? p.substring(1) : p).split("\\|"));
            if (table) {
                tableParam = names.get(0);
                if (call.isBatch()) {
                    continue;
                }
            }
            params.add(names);
        }
    }

    OpCall call() {
        return call;
    }

    /** The parameter's value by keyword (any alias) or by position. */
    Optional<PyValue> opt(String param) {
        int index = indexOf(param);
        for (String alias : params.get(index)) {
            Optional<Arg> kw = call.keyword(alias);
            if (kw.isPresent()) {
                return Optional.of(kw.get().value());
            }
        }
        return call.positional(index).map(Arg::value);
    }

    PyValue get(String param) {
        return opt(param).orElseThrow(() -> new Unreadable(call.method() + " without " + param));
    }

    /** A keyword-only argument. */
    Optional<PyValue> kw(String name) {
        return call.keyword(name).map(Arg::value);
    }

    boolean isTrue(String keyword) {
        return kw(keyword).map(PyRead::isTrue).orElse(false);
    }

    /** Positional arguments from the varargs parameter on, {@code *list} unpacking included. */
    List<PyValue> varargs(String param) {
        int from = indexOf("*" + param);
        List<PyValue> out = new ArrayList<>();
        int seen = 0;
        for (Arg a : call.args()) {
            if ("*".equals(a.keyword()) && seen >= from) {
                out.addAll(PyRead.items(a.value(), "*" + param));
            } else if (a.isPositional() && seen++ >= from) {
                out.add(a.value());
            }
        }
        return out;
    }

    String name(String param) {
        return PyRead.name(get(param), param);
    }

    /** The schema-qualified table: the batch's table for batch ops, else the table argument. */
    String table() {
        return PgSyntax.qualified(schema(), tableName());
    }

    String tableName() {
        return call.isBatch() ? call.batchTable() : name(tableParam);
    }

    /** The schema keyword; batch ops carry none (batch_alter_table's schema is not recorded). */
    String schema() {
        return schema("schema");
    }

    String schema(String keyword) {
        if (call.isBatch()) {
            return null;
        }
        return kw(keyword).flatMap(v -> PyRead.optionalName(v, keyword)).orElse(null);
    }

    private int indexOf(String param) {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).get(0).equals(param)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no parameter " + param + " in the signature of " + call.method());
    }
}
