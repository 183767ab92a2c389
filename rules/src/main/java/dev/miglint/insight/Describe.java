package dev.miglint.insight;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.AlterColumn;
import dev.miglint.change.Change.AlterColumnType;
import dev.miglint.change.Change.AlterObject;
import dev.miglint.change.Change.AlterTable;
import dev.miglint.change.Change.AlterType;
import dev.miglint.change.Change.Comment;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.Change.CreateType;
import dev.miglint.change.Change.Delete;
import dev.miglint.change.Change.DoBlock;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Change.DropColumn;
import dev.miglint.change.Change.DropConstraint;
import dev.miglint.change.Change.Insert;
import dev.miglint.change.Change.MetaCommand;
import dev.miglint.change.Change.PlStatement;
import dev.miglint.change.Change.Privilege;
import dev.miglint.change.Change.RenameColumn;
import dev.miglint.change.Change.RenameConstraint;
import dev.miglint.change.Change.RenameTable;
import dev.miglint.change.Change.Select;
import dev.miglint.change.Change.SetConfig;
import dev.miglint.change.Change.Transaction;
import dev.miglint.change.Change.Truncate;
import dev.miglint.change.Change.Unrecognized;
import dev.miglint.change.Change.Update;
import dev.miglint.change.Change.Utility;
import dev.miglint.change.Change.ValidateConstraint;
import dev.miglint.change.Name;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Short human names of changes, for outlines and hovers: "CREATE TABLE users", "ADD COLUMN total". */
final class Describe {

    private Describe() {
    }

    /** The table an ALTER TABLE action belongs to, or null when the change is not one. */
    static Name alteredTable(Change c) {
        if (c instanceof AddColumn a) {
            return a.table();
        } else if (c instanceof DropColumn a) {
            return a.table();
        } else if (c instanceof AlterColumnType a) {
            return a.table();
        } else if (c instanceof AlterColumn a) {
            return a.table();
        } else if (c instanceof RenameColumn a) {
            return a.table();
        } else if (c instanceof RenameTable a) {
            return a.table();
        } else if (c instanceof AddConstraint a) {
            return a.table();
        } else if (c instanceof DropConstraint a) {
            return a.table();
        } else if (c instanceof ValidateConstraint a) {
            return a.table();
        } else if (c instanceof RenameConstraint a) {
            return a.table();
        } else if (c instanceof AlterTable a) {
            return a.table();
        }
        return null;
    }

    /** What one ALTER TABLE action does, without the table: "ADD COLUMN total". */
    static String action(Change c) {
        if (c instanceof AddColumn a) {
            return "ADD COLUMN " + a.column().name();
        } else if (c instanceof DropColumn a) {
            return "DROP COLUMN " + a.column();
        } else if (c instanceof AlterColumnType a) {
            return "ALTER COLUMN " + a.column() + " TYPE " + a.type();
        } else if (c instanceof AlterColumn a) {
            return "ALTER COLUMN " + a.column() + " " + a.action();
        } else if (c instanceof RenameColumn a) {
            return "RENAME COLUMN " + a.from() + " TO " + a.to();
        } else if (c instanceof RenameTable a) {
            return "RENAME TO " + a.to();
        } else if (c instanceof AddConstraint a) {
            return "ADD " + a.constraintKind().name().replace('_', ' ') + (a.name() == null ? "" : " " + a.name());
        } else if (c instanceof DropConstraint a) {
            return "DROP CONSTRAINT " + a.name();
        } else if (c instanceof ValidateConstraint a) {
            return "VALIDATE CONSTRAINT " + a.name();
        } else if (c instanceof RenameConstraint a) {
            return "RENAME CONSTRAINT " + a.from() + " TO " + a.to();
        } else if (c instanceof AlterTable a) {
            return a.action();
        }
        return label(c);
    }

    /** A whole change: "CREATE TABLE users", "ALTER TABLE orders: ADD COLUMN total", "INSERT INTO users". */
    static String label(Change c) {
        Name altered = alteredTable(c);
        if (altered != null) {
            return "ALTER TABLE " + altered + ": " + action(c);
        }
        if (c instanceof CreateTable t) {
            return "CREATE TABLE " + t.name();
        } else if (c instanceof CreateIndex i) {
            return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX" + (i.name() == null ? "" : " " + i.name())
                    + (i.table() == null ? "" : " ON " + i.table());
        } else if (c instanceof CreateType t) {
            return "CREATE TYPE " + t.name();
        } else if (c instanceof AlterType t) {
            return "ALTER TYPE " + t.name() + ": " + t.action();
        } else if (c instanceof CreateObject o) {
            return "CREATE " + o.objectKind() + (o.name() == null ? "" : " " + o.name())
                    + (o.on() == null ? "" : " ON " + o.on());
        } else if (c instanceof AlterObject o) {
            return "ALTER " + o.objectKind() + (o.name() == null ? "" : " " + o.name());
        } else if (c instanceof Drop d) {
            return "DROP " + d.objectKind() + " " + names(d.names());
        } else if (c instanceof Insert i) {
            return "INSERT INTO " + i.table();
        } else if (c instanceof Update u) {
            return "UPDATE " + u.table();
        } else if (c instanceof Delete d) {
            return "DELETE FROM " + d.table();
        } else if (c instanceof Truncate t) {
            return "TRUNCATE " + names(t.tables());
        } else if (c instanceof Select) {
            return "SELECT";
        } else if (c instanceof Privilege p) {
            return (p.revoke() ? "REVOKE " : "GRANT ") + p.privileges();
        } else if (c instanceof Comment m) {
            return "COMMENT ON " + m.objectKind() + " " + m.target();
        } else if (c instanceof SetConfig s) {
            return (s.reset() ? "RESET " : "SET ") + s.parameter();
        } else if (c instanceof Transaction t) {
            return t.command();
        } else if (c instanceof DoBlock d) {
            int n = body(d).size();
            return "DO block (" + n + (n == 1 ? " statement)" : " statements)");
        } else if (c instanceof Utility u) {
            return u.command() + (u.target() == null ? "" : " " + u.target());
        } else if (c instanceof MetaCommand m) {
            return m.command();
        } else if (c instanceof PlStatement p) {
            return p.command();
        } else if (c instanceof Unrecognized u) {
            return firstWords(u);
        }
        return c.kind();
    }

    /** A DO block's statements worth listing: not the {@code NULL;} of a handler that swallows an error. */
    static List<Change> body(DoBlock block) {
        return block.inner().stream().filter(c -> !(c instanceof PlStatement p && p.command().equals("NULL"))).toList();
    }

    private static String names(List<Name> names) {
        return names.stream().map(Name::toString).collect(Collectors.joining(", "));
    }

    /** The first two words of a statement miglint does not model, e.g. "CREATE PUBLICATION". */
    private static String firstWords(Change c) {
        var s = c.statement();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(2, s.size()); i++) {
            out.append(i == 0 ? "" : " ").append(s.text(i).toUpperCase(Locale.ROOT));
        }
        return out.isEmpty() ? "statement" : out.toString();
    }
}
