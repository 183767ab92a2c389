package dev.miglint.sql;

import dev.miglint.sql.syntax.SqlLexer;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.Token;
import dev.miglint.sql.syntax.TokenKind;
import net.sf.jsqlparser.parser.CCJSqlParser;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Optional detail from JSqlParser. Our recognizer is authoritative: when JSqlParser cannot parse a
 * statement (DO blocks, CREATE TYPE … AS ENUM, NOT VALID …) the answer is simply empty and no
 * syntax error is ever reported. Calls the generated parser directly (CCJSqlParserUtil.parse
 * starts a thread per call) and bounds each parse with one shared watchdog thread.
 */
public final class JSqlEnricher {

    /** Longer statements (pg_dump data, huge function bodies) are not worth the parse. */
    static final int MAX_LENGTH = 64 * 1024;
    static final long TIMEOUT_MILLIS = 200;
    /**
     * JSqlParser's look-ahead is exponential in parenthesis nesting (12 levels of "((1) + 1)" take
     * 10 s) and its interrupt flag is not read inside look-ahead, so deeper statements are not tried.
     */
    static final int MAX_NESTING = 6;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "miglint-jsqlparser-watchdog");
        t.setDaemon(true);
        return t;
    });

    private JSqlEnricher() {
    }

    public static Optional<net.sf.jsqlparser.statement.Statement> parse(Statement statement) {
        if (statement.tokens().isEmpty() || nesting(statement) > MAX_NESTING) {
            return Optional.empty();
        }
        String sql = statement.source().substring(statement.span().start(), statement.bodyEnd());
        return parseBounded(sql, TIMEOUT_MILLIS);
    }

    private static int nesting(Statement statement) {
        return nesting(statement.tokens());
    }

    private static int nesting(java.util.List<Token> tokens) {
        int depth = 0;
        int max = 0;
        for (Token t : tokens) {
            if (t.kind() == TokenKind.LPAREN) {
                max = Math.max(max, ++depth);
            } else if (t.kind() == TokenKind.RPAREN) {
                depth--;
            }
        }
        return max;
    }

    static Optional<net.sf.jsqlparser.statement.Statement> parse(String sql, long timeoutMillis) {
        if (nesting(SqlLexer.lex(sql).tokens()) > MAX_NESTING) {
            return Optional.empty();
        }
        return parseBounded(sql, timeoutMillis);
    }

    private static Optional<net.sf.jsqlparser.statement.Statement> parseBounded(String sql, long timeoutMillis) {
        if (sql.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        CCJSqlParser parser;
        try {
            parser = new CCJSqlParser(sql);
        } catch (Exception e) {
            return Optional.empty();
        }
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            parser.interrupted = true;
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        try {
            return Optional.ofNullable(parser.Statement());
        } catch (Exception | StackOverflowError e) {
            // ParseException, TokenMgrException, and deep nesting alike: no detail, never an error.
            return Optional.empty();
        } finally {
            alarm.cancel(false);
        }
    }
}
