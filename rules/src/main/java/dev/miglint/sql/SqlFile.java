package dev.miglint.sql;

import dev.miglint.change.Change;
import dev.miglint.change.Change.DoBlock;
import dev.miglint.sql.syntax.LexProblem;
import dev.miglint.sql.syntax.SqlLexer;
import dev.miglint.sql.syntax.SqlSplitter;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.Token;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SQL file as the front end understood it: immutable, built once per text version.
 *
 * @param changes top-level changes in order; a DO block's inner changes hang off its {@link DoBlock}
 */
public record SqlFile(String text, List<Statement> statements, List<Change> changes, List<Token> comments,
                      List<LexProblem> problems) {

    public static SqlFile parse(String text) {
        SqlLexer.Result lexed = SqlLexer.lex(text);
        List<Statement> statements = SqlSplitter.split(text, lexed.tokens());
        List<Change> changes = new ArrayList<>(statements.size());
        for (Statement statement : statements) {
            changes.addAll(SqlRecognizer.recognize(statement));
        }
        List<Token> comments = new ArrayList<>();
        for (Token t : lexed.tokens()) {
            if (t.kind().isTrivia()) {
                comments.add(t);
            }
        }
        return new SqlFile(text, statements, List.copyOf(changes), List.copyOf(comments), lexed.problems());
    }

    /**
     * {@code text}, an edit of {@code before}'s text, parsed as {@link #parse} parses it, in time that
     * follows what comes after the edit: the statements that end with a {@code ;} before the first changed
     * character are kept with their changes, and only the rest is lexed, split and recognised again.
     * Kept statements still point into the text they were parsed from, which is the same there.
     */
    public static SqlFile reparse(SqlFile before, String text) {
        int restart = restartAfter(before, commonPrefix(before.text(), text));
        if (restart < 0) {
            return parse(text);
        }
        int resume = before.statements().get(restart).terminator().end();
        SqlLexer.Result lexed = SqlLexer.lex(text, resume, text.length());
        List<Statement> statements = new ArrayList<>(before.statements().subList(0, restart + 1));
        List<Statement> fresh = SqlSplitter.splitAfter(text, lexed.tokens(), resume);
        statements.addAll(fresh);
        List<Change> changes = new ArrayList<>();
        for (Change change : before.changes()) {
            if (change.statement().span().end() <= resume) {
                changes.add(change);
            }
        }
        for (Statement statement : fresh) {
            changes.addAll(SqlRecognizer.recognize(statement));
        }
        List<Token> comments = new ArrayList<>();
        for (Token t : before.comments()) {
            if (t.end() <= resume) {
                comments.add(t);
            }
        }
        for (Token t : lexed.tokens()) {
            if (t.kind().isTrivia()) {
                comments.add(t);
            }
        }
        List<LexProblem> problems = new ArrayList<>();
        for (LexProblem problem : before.problems()) {
            if (problem.span().end() <= resume) {
                problems.add(problem);
            }
        }
        problems.addAll(lexed.problems());
        return new SqlFile(text, List.copyOf(statements), List.copyOf(changes), List.copyOf(comments),
                List.copyOf(problems));
    }

    /**
     * Kept statements may hold older texts, one per edit they survived, this many characters in all;
     * beyond it a full parse lets them go (every 50th edit of a 160 KB file, at worst).
     */
    private static final long MAX_KEPT_CHARS = 8_000_000;

    /**
     * Index of the last statement whose {@code ;} ends before {@code changedAt} and after which lexing
     * may start afresh (not a COPY … FROM STDIN, whose data lines follow it), or -1.
     */
    private static int restartAfter(SqlFile before, int changedAt) {
        List<Statement> statements = before.statements();
        int found = -1;
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (s.span().end() >= changedAt) {
                break;
            }
            if (s.terminator() != null && !s.isWord(0, "COPY")) {
                found = i;
            }
        }
        Map<String, Boolean> texts = new IdentityHashMap<>();
        long kept = 0;
        for (int i = 0; i <= found; i++) {
            String source = statements.get(i).source();
            if (texts.put(source, Boolean.TRUE) == null) {
                kept += source.length();
                if (kept > MAX_KEPT_CHARS) {
                    return -1;
                }
            }
        }
        return found;
    }

    /** How many leading characters two texts share; compared a block at a time. */
    static int commonPrefix(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int i = 0;
        while (i + 4096 <= max && a.regionMatches(i, b, i, 4096)) {
            i += 4096;
        }
        while (i < max && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Every change, DO block bodies included, in text order: what rules walk. */
    public List<Change> allChanges() {
        List<Change> all = new ArrayList<>(changes.size());
        for (Change change : changes) {
            all.add(change);
            if (change instanceof DoBlock block) {
                all.addAll(block.inner());
            }
        }
        return all;
    }
}
