package dev.miglint.sql.syntax;


import java.util.ArrayList;
import java.util.List;

/**
 * Splits a token stream into statements: at a top-level {@code ;}, at Drizzle's
 * {@code --> statement-breakpoint}, at a psql meta-command line, or at the end of input. Dollar
 * quotes are single tokens, so DO blocks and function bodies stay whole; a SQL-standard
 * {@code BEGIN ATOMIC … END} function body is kept whole too.
 */
public final class SqlSplitter {

    private final String source;
    private final Guard guard;
    private final List<Statement> statements = new ArrayList<>();
    private final List<Token> current = new ArrayList<>();
    private List<Token> comments = new ArrayList<>();
    /** End of the last terminator, to tell a trailing comment on its line from a leading one. */
    private int lastTerminatorEnd = -1;
    /** Depth of BEGIN ATOMIC / CASE … END nesting inside a SQL-standard function body. */
    private int atomicDepth;
    /** Parenthesis depth of the current statement. */
    private int parenDepth;

    private SqlSplitter(String source, Guard guard) {
        this.source = source;
        this.guard = guard;
    }

    public static List<Statement> split(String source, List<Token> tokens) {
        return split(source, tokens, Guard.NONE);
    }

    public static List<Statement> split(String source, List<Token> tokens, Guard guard) {
        return split(source, tokens, guard, -1);
    }

    /**
     * The statements of {@code tokens}, which follow a statement that ended with the {@code ;} ending at
     * {@code previousTerminatorEnd}: a comment on that line still trails it (an edit re-splits from there).
     */
    public static List<Statement> splitAfter(String source, List<Token> tokens, int previousTerminatorEnd) {
        return split(source, tokens, Guard.NONE, previousTerminatorEnd);
    }

    private static List<Statement> split(String source, List<Token> tokens, Guard guard, int previousTerminatorEnd) {
        SqlSplitter splitter = new SqlSplitter(source, guard);
        splitter.lastTerminatorEnd = previousTerminatorEnd;
        for (Token token : tokens) {
            splitter.accept(token);
        }
        splitter.flush(null);
        return List.copyOf(splitter.statements);
    }

    private void accept(Token token) {
        switch (token.kind()) {
            case LINE_COMMENT, BLOCK_COMMENT -> {
                if (current.isEmpty() && !trailsTerminator(token)) {
                    comments.add(token);
                }
            }
            case BREAKPOINT -> flush(null);
            case COPY_DATA -> {
                // data rows of COPY … FROM STDIN: not SQL
            }
            case META_COMMAND -> metaCommand(token);
            case SEMICOLON -> {
                if (atomicDepth > 0 || parenDepth > 0 && isRule()) {
                    current.add(token);
                } else {
                    flush(token);
                }
            }
            default -> {
                current.add(token);
                trackAtomic(token);
                if (token.kind() == TokenKind.LPAREN) {
                    parenDepth++;
                } else if (token.kind() == TokenKind.RPAREN && parenDepth > 0) {
                    parenDepth--;
                }
            }
        }
    }

    private void metaCommand(Token token) {
        // psql runs a meta-command at once; \g and friends also send the buffered query.
        boolean sendsBuffer = source.startsWith("\\g", token.start()) || source.startsWith("\\watch", token.start());
        if (!current.isEmpty() && !sendsBuffer) {
            return;
        }
        flush(null);
        current.add(token);
        flush(null);
    }

    /**
     * psql does not end a statement at a ';' inside parentheses. Valid SQL has one only in a
     * multi-action CREATE RULE, so only there is it honoured: elsewhere a '(' left open while
     * typing must not swallow the rest of the file.
     */
    private boolean isRule() {
        int k = 0;
        if (current.isEmpty() || !current.get(k++).isWord(source, "CREATE")) {
            return false;
        }
        if (k + 1 < current.size() && current.get(k).isWord(source, "OR") && current.get(k + 1).isWord(source, "REPLACE")) {
            k += 2;
        }
        return k < current.size() && current.get(k).isWord(source, "RULE");
    }

    private void trackAtomic(Token token) {
        if (atomicDepth == 0) {
            int n = current.size();
            if (n >= 2 && token.isWord(source, "ATOMIC") && current.get(n - 2).isWord(source, "BEGIN")
                    && current.get(0).isWord(source, "CREATE")) {
                atomicDepth = 1;
            }
            return;
        }
        if (token.isWord(source, "CASE")) {
            atomicDepth++;
        } else if (token.isWord(source, "END")) {
            atomicDepth--;
        }
    }

    private boolean trailsTerminator(Token comment) {
        if (lastTerminatorEnd < 0 || comment.start() < lastTerminatorEnd) {
            return false;
        }
        for (int i = lastTerminatorEnd; i < comment.start(); i++) {
            char c = source.charAt(i);
            if (c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private void flush(Token terminator) {
        atomicDepth = 0;
        parenDepth = 0;
        if (terminator != null) {
            lastTerminatorEnd = terminator.end();
        }
        if (current.isEmpty()) {
            return;
        }
        Token first = current.get(0);
        Token last = terminator != null ? terminator : current.get(current.size() - 1);
        statements.add(new Statement(source, List.copyOf(current), Token.between(first, last), terminator,
                List.copyOf(comments), guard));
        current.clear();
        comments = new ArrayList<>();
    }
}
