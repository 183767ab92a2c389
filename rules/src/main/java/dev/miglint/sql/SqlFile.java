package dev.miglint.sql;

import dev.miglint.change.Change;
import dev.miglint.change.Change.DoBlock;
import dev.miglint.sql.syntax.LexProblem;
import dev.miglint.sql.syntax.SqlLexer;
import dev.miglint.sql.syntax.SqlSplitter;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.Token;

import java.util.ArrayList;
import java.util.List;

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
