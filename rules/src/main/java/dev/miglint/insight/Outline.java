package dev.miglint.insight;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.Change.CreateType;
import dev.miglint.change.Change.Delete;
import dev.miglint.change.Change.DoBlock;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Change.Insert;
import dev.miglint.change.Change.SetConfig;
import dev.miglint.change.Change.Transaction;
import dev.miglint.change.Change.Truncate;
import dev.miglint.change.Change.Update;
import dev.miglint.change.ColumnDef;
import dev.miglint.change.Name;
import dev.miglint.insight.OutlineSymbol.Kind;
import dev.miglint.sql.SqlFile;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.List;

/** The statements of a SQL file as an outline (document symbols). */
public final class Outline {

    private Outline() {
    }

    public static List<OutlineSymbol> of(SqlFile file) {
        return symbols(file.changes());
    }

    /** One symbol per statement; a multi-action ALTER TABLE becomes one symbol with its actions as children. */
    private static List<OutlineSymbol> symbols(List<Change> changes) {
        List<OutlineSymbol> out = new ArrayList<>();
        for (int i = 0; i < changes.size(); ) {
            Change first = changes.get(i);
            int j = i + 1;
            while (j < changes.size() && changes.get(j).statement() == first.statement()) {
                j++;
            }
            if (j - i == 1) {
                out.add(symbol(first));
            } else {
                out.add(group(changes.subList(i, j)));
            }
            i = j;
        }
        return out;
    }

    private static OutlineSymbol group(List<Change> actions) {
        Change first = actions.get(0);
        Name table = Describe.alteredTable(first);
        List<OutlineSymbol> children = new ArrayList<>();
        for (Change action : actions) {
            children.add(new OutlineSymbol(kind(action), Describe.action(action), action.span(), action.span(), List.of()));
        }
        String name = (table == null ? Describe.label(first) : "ALTER TABLE " + table) + " (" + actions.size() + " actions)";
        Span span = first.statement().span();
        return new OutlineSymbol(Kind.TABLE, name, span, table != null && table.span() != null ? table.span() : span,
                children);
    }

    private static OutlineSymbol symbol(Change change) {
        Span span = change.statement().guard().inDoBlock() ? change.span() : change.statement().span();
        List<OutlineSymbol> children = new ArrayList<>();
        if (change instanceof CreateTable t) {
            for (ColumnDef c : t.columns()) {
                children.add(new OutlineSymbol(Kind.COLUMN, c.name() + (c.type().isEmpty() ? "" : " " + c.type()),
                        c.span(), c.nameSpan(t.statement()), List.of()));
            }
        } else if (change instanceof DoBlock block) {
            children.addAll(symbols(Describe.body(block)));
        }
        return new OutlineSymbol(kind(change), Describe.label(change), span, selection(change, span), children);
    }

    private static Span selection(Change change, Span fallback) {
        Name name = null;
        if (change instanceof CreateTable t) {
            name = t.name();
        } else if (change instanceof CreateIndex i) {
            name = i.name();
        } else if (change instanceof CreateType t) {
            name = t.name();
        } else if (change instanceof CreateObject o) {
            name = o.name();
        } else if (change instanceof Drop d && !d.names().isEmpty()) {
            name = d.names().get(0);
        } else if (change instanceof AddColumn a) {
            return a.column().nameSpan(a.statement());
        } else {
            name = Describe.alteredTable(change);
        }
        Span span = name == null ? null : name.span();
        return span != null && span.start() >= fallback.start() && span.end() <= fallback.end() ? span : fallback;
    }

    private static Kind kind(Change c) {
        if (c instanceof CreateTable || Describe.alteredTable(c) != null && !(c instanceof AddColumn)
                && !(c instanceof AddConstraint)) {
            return Kind.TABLE;
        }
        if (c instanceof AddColumn) {
            return Kind.COLUMN;
        }
        if (c instanceof AddConstraint) {
            return Kind.CONSTRAINT;
        }
        if (c instanceof CreateIndex) {
            return Kind.INDEX;
        }
        if (c instanceof CreateType) {
            return Kind.TYPE;
        }
        if (c instanceof CreateObject o) {
            return switch (o.objectKind()) {
                case "FUNCTION", "PROCEDURE", "AGGREGATE", "TRIGGER" -> Kind.FUNCTION;
                case "VIEW", "MATERIALIZED VIEW" -> Kind.VIEW;
                case "SCHEMA" -> Kind.SCHEMA;
                case "DOMAIN" -> Kind.TYPE;
                default -> Kind.OBJECT;
            };
        }
        if (c instanceof Drop) {
            return Kind.DROP;
        }
        if (c instanceof Insert || c instanceof Update || c instanceof Delete || c instanceof Truncate) {
            return Kind.DATA;
        }
        if (c instanceof DoBlock) {
            return Kind.BLOCK;
        }
        if (c instanceof SetConfig) {
            return Kind.SETTING;
        }
        if (c instanceof Transaction) {
            return Kind.TRANSACTION;
        }
        return Kind.OTHER;
    }

}
