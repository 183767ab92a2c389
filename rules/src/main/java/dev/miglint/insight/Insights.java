package dev.miglint.insight;

import dev.miglint.change.Change;
import dev.miglint.change.Change.DoBlock;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.schema.Origin;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Language smarts over one parsed file and its place in the project, for hovers, go-to-definition
 * and outlines. Pure functions of immutable inputs; offsets are UTF-16 indices into the file text.
 */
public final class Insights {

    /** Every op call of a revision's upgrade() and downgrade() as {@code miglint inspect} lists it. */
    public static java.util.List<dev.miglint.rules.alembic.AlembicAnalyzer.Op> revisionOps(String text) {
        return dev.miglint.rules.alembic.AlembicAnalyzer.ops(text);
    }

    /** Hover text and the range it describes. */
    public record Hover(Span range, String markdown) {
    }

    private Insights() {
    }

    /**
     * The hover at {@code offset}: a table or column name's definition when the offset is on one,
     * otherwise what the statement there costs (lock, rewrite, re-run).
     */
    public static Optional<Hover> hover(SqlFile file, FileContext context, int offset) {
        Optional<SchemaObject> object = objectAt(file, context, offset);
        if (object.isPresent()) {
            return Optional.of(new Hover(object.get().nameSpan(), object.get().markdown()));
        }
        return statementHover(file, context, offset);
    }

    /** What the statement at {@code offset} costs: one block per change (each action of an ALTER TABLE). */
    public static Optional<Hover> statementHover(SqlFile file, FileContext context, int offset) {
        List<StatementFacts> facts = statementAt(file, context, offset);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder md = new StringBuilder();
        Span range = null;
        for (StatementFacts f : facts) {
            md.append(md.isEmpty() ? "" : "\n").append(f.markdown());
            Span s = f.change().span();
            range = range == null ? s : new Span(Math.min(range.start(), s.start()), Math.max(range.end(), s.end()));
        }
        return Optional.of(new Hover(range, md.toString()));
    }

    /**
     * Facts of the change at {@code offset}: the innermost change whose range holds it (a DO block's
     * inner statement, one ALTER TABLE action), else every change of the statement there.
     */
    public static List<StatementFacts> statementAt(SqlFile file, FileContext context, int offset) {
        List<Change> all = file.allChanges();
        int innermost = -1;
        int block = -1;
        List<Integer> topLevel = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Change c = all.get(i);
            Span statement = c.statement().span();
            if (offset < statement.start() || offset > statement.end()) {
                continue;
            }
            boolean holds = c.span().contains(offset);
            if (c instanceof DoBlock) {
                block = holds ? i : block;
            } else if (holds) {
                innermost = i; // DO bodies follow their block in the list: the last hit is the deepest
            }
            if (!c.statement().guard().inDoBlock()) {
                topLevel.add(i);
            }
        }
        int chosen = innermost >= 0 ? innermost : block;
        List<StatementFacts> out = new ArrayList<>();
        for (int i : chosen >= 0 ? List.of(chosen) : topLevel) {
            out.add(facts(file, context, all, i));
        }
        return out;
    }

    private static StatementFacts facts(SqlFile file, FileContext context, List<Change> all, int index) {
        SchemaModel before = Analyzer.replayUntil(file, context, index);
        return StatementFacts.of(all.get(index), before, context.settings());
    }

    /** The table or column named at {@code offset}, as replayed up to its statement. */
    public static Optional<SchemaObject> objectAt(SqlFile file, FileContext context, int offset) {
        List<Change> all = file.allChanges();
        for (int i = 0; i < all.size(); i++) {
            Change c = all.get(i);
            Span statement = c.statement().span();
            if (c instanceof DoBlock || offset < statement.start() || offset > statement.end()) {
                continue;
            }
            SchemaModel before = Analyzer.replayUntil(file, context, i);
            SchemaObject found = Names.at(c, offset, before, before.apply(c, context.path()));
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** Where the table or column named at {@code offset} was created: go-to-definition. */
    public static Optional<Origin> definitionAt(SqlFile file, FileContext context, int offset) {
        return objectAt(file, context, offset).map(SchemaObject::origin).filter(o -> o.file() != null);
    }

    /** The file's statements as an outline. */
    public static List<OutlineSymbol> outline(SqlFile file) {
        return Outline.of(file);
    }
}
