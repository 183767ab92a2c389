package dev.miglint.rules.alembic;

import dev.miglint.alembic.AlembicReader;
import dev.miglint.alembic.AlembicVersion;
import dev.miglint.alembic.FunctionKind;
import dev.miglint.alembic.OpCall;
import dev.miglint.alembic.OpSql;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.alembic.Translation;
import dev.miglint.python.PyToken;
import dev.miglint.python.PyValue;
import dev.miglint.rules.Analysis;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Fix;
import dev.miglint.rules.MetaRule;
import dev.miglint.rules.Rules;
import dev.miglint.rules.StatementRule;
import dev.miglint.rules.meta.AlembicUnreadable;
import dev.miglint.sql.SqlFile;
import dev.miglint.text.Problem;
import dev.miglint.text.Span;
import dev.miglint.text.TextEdit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs the SQL rules on an Alembic revision. The {@code upgrade()} op calls become the SQL Alembic
 * would send ({@link OpSql}), literal {@code execute} SQL is taken as written, and ignore comments
 * become SQL ones: one synthetic script, analysed like any migration (schema replay, transactions,
 * suppressions). Each finding is then moved back into the Python file: through the string's offset
 * map for literal SQL (exact characters, fixes included where the string can hold them), onto the
 * {@code op.method} of a translated call otherwise, where the SQL fixes give way to Python ones.
 * {@code downgrade()} is the inverse of the upgrade and is left to the Alembic history rules.
 */
public final class AlembicAnalyzer {

    private static final Pattern IGNORE = Pattern.compile("^#\\s*(miglint-ignore(?:-file)?\\b.*)$", Pattern.DOTALL);
    /** Reported (info) for a part of a revision the reader could not follow. */
    public static final String UNREADABLE = AlembicUnreadable.ID;

    private AlembicAnalyzer() {
    }

    /** Where a piece of the synthetic script came from. */
    private sealed interface Origin {
        int sqlStart();

        int sqlEnd();
    }

    /** Literal SQL: every character maps to the file through the string's offset map. */
    private record Literal(int sqlStart, int sqlEnd, PyValue.StringLit lit, OpCall call) implements Origin {
    }

    /** SQL made from an op call: findings land on {@code op.method}. */
    private record Translated(int sqlStart, int sqlEnd, OpCall call) implements Origin {
    }

    /** An ignore comment copied from a Python comment. */
    private record Comment(int sqlStart, int sqlEnd, Span python) implements Origin {
    }

    /** The revision's upgrade as one SQL script, and where each piece of it came from. */
    record Script(String sql, List<Origin> origins) {
    }

    /**
     * The findings of the SQL rules on {@code revision}, in the file's offsets; empty when the text
     * is not an Alembic revision. {@code alembicVersion} (may be null) decides which keyword fixes
     * the project's Alembic accepts.
     */
    public static Optional<Analysis> analyze(Analyzer analyzer, String text, FileContext context, AlembicVersion.Version alembicVersion) {
        return AlembicReader.read(text) instanceof RevisionFile revision
                ? Optional.of(analyze(analyzer, text, revision, context, alembicVersion)) : Optional.empty();
    }

    /** As {@link #analyze(Analyzer, String, FileContext, AlembicVersion.Version)} for a revision already read. */
    public static Analysis analyze(Analyzer analyzer, String text, RevisionFile revision, FileContext context,
                                   AlembicVersion.Version alembicVersion) {
        Script script = script(text, revision);
        SqlFile sql = SqlFile.parse(script.sql());
        Analysis analysis = analyzer.analyze(sql, context);
        List<Finding> findings = new ArrayList<>();
        for (Finding f : analysis.findings()) {
            Finding moved = moveIntoPython(f, script.origins(), text, alembicVersion);
            if (moved != null) {
                findings.add(moved);
            }
        }
        findings.addAll(unreadable(revision));
        findings.sort(Finding.IN_TEXT_ORDER);
        return new Analysis(sql, List.copyOf(findings), analysis.schemaAfter());
    }

    /**
     * One op call of a revision as {@code miglint inspect} lists it: the changes its SQL makes (their
     * spans are in {@code sql}, not the file), or why there are none.
     */
    public record Op(OpCall call, Span anchor, String sql, List<dev.miglint.change.Change> changes, String unrecognized) {
    }

    /** Every op call of {@code upgrade()} and {@code downgrade()}, in file order; empty for a file that is not a revision. */
    public static List<Op> ops(String text) {
        if (!(AlembicReader.read(text) instanceof RevisionFile revision)) {
            return List.of();
        }
        List<Op> ops = new ArrayList<>();
        for (OpCall call : revision.calls()) {
            if (call.function() == FunctionKind.OTHER) {
                continue;
            }
            Translation t = OpSql.translate(call);
            String sql = t instanceof Translation.Sql s ? s.sql()
                    : t instanceof Translation.LiteralSql l ? l.lit().value() : null;
            if (sql == null) {
                String why = t instanceof Translation.NotAnalysable n ? "not analysable: " + n.why()
                        : t instanceof Translation.Unrecognized u ? u.why() : "not understood";
                ops.add(new Op(call, anchor(call), null, List.of(), why));
            } else {
                ops.add(new Op(call, anchor(call), sql, SqlFile.parse(sql).changes(), null));
            }
        }
        return ops;
    }

    /** The upgrade of {@code revision} as SQL, with its origins in order. */
    static Script script(String text, RevisionFile revision) {
        StringBuilder sql = new StringBuilder();
        List<Origin> origins = new ArrayList<>();
        List<PyToken> ignores = new ArrayList<>();
        for (PyToken comment : revision.comments()) {
            String body = comment.text(text);
            if (IGNORE.matcher(body).matches()) {
                ignores.add(comment);
            }
        }
        // File-wide ignores first, wherever they are written.
        for (PyToken comment : ignores) {
            if (comment.text(text).contains("miglint-ignore-file")) {
                appendComment(sql, origins, text, comment);
            }
        }
        int nextIgnore = 0;
        for (OpCall call : revision.calls(FunctionKind.UPGRADE)) {
            while (nextIgnore < ignores.size() && ignores.get(nextIgnore).end() <= call.span().start()) {
                PyToken comment = ignores.get(nextIgnore++);
                if (!comment.text(text).contains("miglint-ignore-file")) {
                    appendComment(sql, origins, text, comment);
                }
            }
            appendCall(sql, origins, call);
        }
        for (; nextIgnore < ignores.size(); nextIgnore++) {
            PyToken comment = ignores.get(nextIgnore);
            if (!comment.text(text).contains("miglint-ignore-file")) {
                appendComment(sql, origins, text, comment);
            }
        }
        return new Script(sql.toString(), List.copyOf(origins));
    }

    private static void appendComment(StringBuilder sql, List<Origin> origins, String text, PyToken comment) {
        var m = IGNORE.matcher(comment.text(text));
        if (!m.matches()) {
            return;
        }
        String directive = withoutHistoryRules(m.group(1).strip());
        if (directive == null) {
            return; // it silences findings of rules judged outside the SQL engine, which apply it themselves
        }
        int start = sql.length();
        sql.append("-- ").append(directive).append('\n');
        origins.add(new Comment(start, sql.length(), comment.span()));
    }

    private static void appendCall(StringBuilder sql, List<Origin> origins, OpCall call) {
        Translation translation = OpSql.translate(call);
        int start = sql.length();
        if (translation instanceof Translation.LiteralSql literal) {
            String value = literal.lit().value();
            sql.append(value);
            origins.add(new Literal(start, sql.length(), literal.lit(), call));
            // A statement the string leaves open must not run into the next call's SQL.
            sql.append(value.stripTrailing().endsWith(";") ? "\n" : "\n;\n");
        } else if (translation instanceof Translation.Sql translated) {
            sql.append(translated.sql());
            origins.add(new Translated(start, sql.length(), call));
            sql.append(";\n");
        }
    }


    /** The finding in the file's offsets, or null when it concerns nothing the user wrote. */
    private static Finding moveIntoPython(Finding f, List<Origin> origins, String text, AlembicVersion.Version version) {
        Origin origin = originAt(origins, f.range().start());
        if (origin == null) {
            return null;
        }
        if (origin instanceof Literal l) {
            return new Finding(f.rule(), f.severity(), f.message(), f.help(), toFile(l, f.range()), literalFixes(f, l, text));
        }
        if (origin instanceof Comment c) {
            return new Finding(f.rule(), f.severity(), f.message(), f.help(), c.python(), List.of());
        }
        Translated t = (Translated) origin;
        if (autocommitted(f, t.call())) {
            return null;
        }
        // The rule that made the finding says how to fix it in the Python, if it can.
        List<Fix> fixes = List.of();
        String help = f.help();
        if (Rules.byId(f.rule()).orElse(null) instanceof OpCallFixes fixer) {
            fixes = fixer.fixOpCall(t.call(), text, version);
            help = fixes.isEmpty() ? help + fixer.byHand() : help;
        }
        return new Finding(f.rule(), f.severity(), f.message(), help, anchor(t.call()), fixes);
    }

    /** Inside {@code autocommit_block()} the call runs outside the migration's transaction. */
    private static boolean autocommitted(Finding f, OpCall call) {
        return call.autocommit() && f.rule().equals("ban-concurrently-in-transaction");
    }

    private static Origin originAt(List<Origin> origins, int sqlOffset) {
        Origin found = null;
        for (Origin o : origins) {
            if (o.sqlStart() <= sqlOffset && sqlOffset <= o.sqlEnd()) {
                found = o;
                if (sqlOffset < o.sqlEnd()) {
                    break;
                }
            }
        }
        return found;
    }

    /** The directive without the rules the SQL engine does not run (history, revision …); null when it names nothing else. */
    private static String withoutHistoryRules(String directive) {
        var m = Pattern.compile("^(miglint-ignore(?:-file)?)([^:]*)(:.*)?$", Pattern.DOTALL).matcher(directive);
        if (!m.matches()) {
            return directive;
        }
        List<String> kept = new ArrayList<>();
        boolean dropped = false;
        for (String id : m.group(2).trim().split("[,\\s]+")) {
            if (id.isEmpty()) {
                continue;
            }
            if (Rules.byId(id).filter(r -> !(r instanceof StatementRule) && !(r instanceof MetaRule)).isPresent()) {
                dropped = true;
            } else {
                kept.add(id);
            }
        }
        if (!dropped) {
            return directive;
        }
        return kept.isEmpty() ? null : m.group(1) + " " + String.join(", ", kept) + (m.group(3) == null ? "" : m.group(3));
    }

    /** {@code op.create_table}: receiver and method, where a reader looks for the operation. */
    static Span anchor(OpCall call) {
        return new Span(call.span().start(), Math.max(call.span().start(), call.methodSpan().end()));
    }

    private static Span toFile(Literal l, Span sqlRange) {
        int from = clamp(sqlRange.start() - l.sqlStart(), l);
        int to = clamp(sqlRange.end() - l.sqlStart(), l);
        if (sqlRange.end() > l.sqlEnd()) {
            // The statement ran on to the ';' added after the string: end it at its last character instead.
            String value = l.lit().value();
            while (to > from && Character.isWhitespace(value.charAt(to - 1))) {
                to--;
            }
        }
        return l.lit().map().toFile(from, Math.max(from, to));
    }

    private static int clamp(int valueIndex, Literal l) {
        return Math.max(0, Math.min(valueIndex, l.sqlEnd() - l.sqlStart()));
    }

    /** SQL fixes inside the string, where the string can hold their text as written. */
    private static List<Fix> literalFixes(Finding f, Literal l, String text) {
        List<Fix> fixes = new ArrayList<>();
        for (Fix fix : f.fixes()) {
            List<TextEdit> edits = new ArrayList<>();
            boolean fits = true;
            for (TextEdit e : fix.edits()) {
                if (e.start() < l.sqlStart() || e.end() > l.sqlEnd() || !fitsInString(e.newText(), l.lit(), text)) {
                    fits = false;
                    break;
                }
                Span at = toFile(l, new Span(e.start(), e.end()));
                edits.add(new TextEdit(at.start(), at.end(), e.newText()));
            }
            if (fits && !edits.isEmpty()) {
                fixes.add(new Fix(fix.title(), edits));
            }
        }
        return fixes;
    }

    /** Text goes into a string literal unchanged only without backslashes, its quote, or (single-quoted) newlines. */
    private static boolean fitsInString(String inserted, PyValue.StringLit lit, String text) {
        String written = text.substring(lit.span().start(), lit.span().end());
        int q = 0;
        while (q < written.length() && written.charAt(q) != '\'' && written.charAt(q) != '"') {
            q++;
        }
        if (q >= written.length()) {
            return false;
        }
        char quote = written.charAt(q);
        boolean triple = written.startsWith(String.valueOf(quote).repeat(3), q);
        boolean concatenated = written.indexOf(quote, q + (triple ? 3 : 1)) < written.length() - (triple ? 3 : 1);
        return !concatenated && inserted.indexOf('\\') < 0 && inserted.indexOf(quote) < 0
                && (triple || inserted.indexOf('\n') < 0 && inserted.indexOf('\r') < 0);
    }




    /** What the reader could not follow, as info findings: the rest of the revision is still checked. */
    static List<Finding> unreadable(RevisionFile revision) {
        List<Finding> out = new ArrayList<>();
        for (Problem p : revision.problems()) {
            out.add(new Finding(UNREADABLE, dev.miglint.rules.Severity.INFO, "miglint could not read this part of the "
                    + "revision (" + p.message() + "); the rest is checked", "Unusual Python in a revision is skipped, "
                    + "not guessed at; the SQL rules do not see what is skipped.", p.span(), List.of()));
        }
        return out;
    }

}
