package dev.miglint.sql;

import dev.miglint.change.Change;
import dev.miglint.change.Change.DoBlock;
import dev.miglint.change.Change.PlStatement;
import dev.miglint.change.Change.Unrecognized;
import dev.miglint.sql.syntax.Guard;
import dev.miglint.sql.syntax.SqlLexer;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.Token;
import dev.miglint.sql.syntax.TokenKind;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the body of a PL/pgSQL DO block: nested BEGIN … EXCEPTION WHEN … END blocks, IF, CASE
 * and loops. Every plain statement inside is recognised like a top-level one and carries a
 * {@link Guard} naming the handlers and IF conditions around it. Never throws; what it cannot
 * follow it reads as plain statements up to the next semicolon.
 */
final class PlBodyParser {

    private static final Set<String> STOP_WORDS = Set.of("END", "EXCEPTION", "ELSIF", "ELSEIF", "ELSE", "WHEN");
    private static final Set<String> PL_COMMANDS = Set.of(
            "RAISE", "PERFORM", "RETURN", "NULL", "EXECUTE", "GET", "EXIT", "CONTINUE", "ASSERT", "OPEN");

    private sealed interface Node permits Simple, Block, Branches {
    }

    /** A plain statement: significant tokens [from, to), terminated by the token at {@code to} if a ';'. */
    private record Simple(int from, int to) implements Node {
    }

    /** One {@code WHEN conditions THEN body}; {@code written} spans the conditions, or is null when there are none. */
    private record Handler(List<String> conditions, Span written, List<Node> body) {
    }

    private record Block(List<Node> body, List<Handler> handlers) implements Node {
    }

    /** IF/ELSIF/ELSE, CASE and loops: bodies that run under a condition. */
    private record Branches(List<String> conditions, List<List<Node>> bodies) implements Node {
    }

    private final Statement outer;
    private final String src;
    private final List<Token> tokens;
    private final List<Token> comments;
    private final Set<String> allHandlers = new LinkedHashSet<>();
    private int i;
    /** Nesting of blocks, IFs and loops being read; bounded so hostile input cannot exhaust the stack. */
    private int nesting;

    static final int MAX_NESTING = 64;

    private PlBodyParser(Statement outer, List<Token> all) {
        this.outer = outer;
        this.src = outer.source();
        List<Token> significant = new ArrayList<>(all.size());
        List<Token> trivia = new ArrayList<>();
        for (Token t : all) {
            (t.kind().isTrivia() || t.kind() == TokenKind.BREAKPOINT ? trivia : significant).add(t);
        }
        this.tokens = significant;
        this.comments = trivia;
    }

    static Change parse(Statement outer, Token body, String language) {
        Span bodySpan = bodySpan(outer.source(), body);
        // A '…' body is read as written: its doubled quotes stay doubled, so literals inside are
        // approximate, but statements, kinds and handlers are all there. E'…' bodies are left alone.
        boolean readable = body.kind() == TokenKind.DOLLAR_STRING || outer.source().charAt(body.start()) == '\'';
        if (!language.equals("plpgsql") || !readable) {
            return new DoBlock(outer, outer.span(), language, bodySpan, List.of(), List.of());
        }
        PlBodyParser parser = new PlBodyParser(outer, SqlLexer.lex(outer.source(), bodySpan.start(), bodySpan.end()).tokens());
        List<Node> nodes = parser.topLevel();
        List<Change> inner = new ArrayList<>();
        parser.flatten(nodes, List.of(), List.of(), List.of(), inner);
        return new DoBlock(outer, outer.span(), language, bodySpan, List.copyOf(inner),
                List.copyOf(parser.allHandlers));
    }

    /** The text between the opening and closing dollar-quote delimiters. */
    static Span bodySpan(String src, Token body) {
        if (body.kind() != TokenKind.DOLLAR_STRING) {
            return new Span(Math.min(body.end(), body.start() + 1), Math.max(body.start() + 1, body.end() - 1));
        }
        int delimiterEnd = src.indexOf('$', body.start() + 1) + 1;
        int delimiterLength = delimiterEnd - body.start();
        boolean closed = body.end() - body.start() >= 2 * delimiterLength
                && src.startsWith(src.substring(body.start(), delimiterEnd), body.end() - delimiterLength);
        return new Span(delimiterEnd, closed ? body.end() - delimiterLength : body.end());
    }

    // ---------------------------------------------------------------- parsing

    private List<Node> topLevel() {
        List<Node> nodes = new ArrayList<>();
        while (i < tokens.size()) {
            nodes.addAll(statements());
            if (i < tokens.size()) {
                i++; // a stray END/ELSE at top level: step over it and go on
            }
        }
        return nodes;
    }

    private List<Node> statements() {
        List<Node> nodes = new ArrayList<>();
        while (i < tokens.size()) {
            String word = word(i);
            if (STOP_WORDS.contains(word)) {
                return nodes;
            }
            int before = i;
            Node node = statement(word);
            if (node != null) {
                nodes.add(node);
            }
            if (i == before) {
                i++;
            }
        }
        return nodes;
    }

    private Node statement(String word) {
        Token t = tokens.get(i);
        if (t.kind() == TokenKind.SEMICOLON) {
            i++;
            return null;
        }
        if (t.kind() == TokenKind.OPERATOR && t.text(src).startsWith("<<")) {
            skipLabel();
            return null;
        }
        if (nesting >= MAX_NESTING) {
            return simple();
        }
        nesting++;
        try {
            return switch (word) {
                case "BEGIN", "DECLARE" -> block();
                case "IF" -> ifStatement();
                case "CASE" -> caseStatement();
                case "LOOP", "WHILE", "FOR", "FOREACH" -> loop();
                default -> simple();
            };
        } finally {
            nesting--;
        }
    }

    private void skipLabel() {
        while (i < tokens.size() && !tokens.get(i).text(src).endsWith(">>")) {
            i++;
        }
        i++;
    }

    private Node block() {
        if (word(i).equals("DECLARE")) {
            while (i < tokens.size() && !word(i).equals("BEGIN")) {
                i++;
            }
        }
        i++; // BEGIN
        List<Node> body = statements();
        List<Handler> handlers = new ArrayList<>();
        if (word(i).equals("EXCEPTION")) {
            i++;
            while (word(i).equals("WHEN")) {
                i++;
                int first = i;
                List<String> conditions = conditions();
                int then = i - 1; // conditions() stepped past THEN
                Span written = then > first && word(then).equals("THEN")
                        ? Token.between(tokens.get(first), tokens.get(then - 1)) : null;
                handlers.add(new Handler(conditions, written, statements()));
            }
        }
        endOf("");
        return new Block(body, handlers);
    }

    /** Reads {@code cond [OR cond]… THEN}. */
    private List<String> conditions() {
        List<String> conditions = new ArrayList<>();
        int start = i;
        while (i < tokens.size() && !word(i).equals("THEN")) {
            if (word(i).equals("OR")) {
                conditions.add(textOf(start, i).toLowerCase(Locale.ROOT));
                start = i + 1;
            }
            i++;
        }
        conditions.add(textOf(start, i).toLowerCase(Locale.ROOT));
        i++; // THEN
        allHandlers.addAll(conditions);
        return conditions;
    }

    private Node ifStatement() {
        List<String> conditions = new ArrayList<>();
        List<List<Node>> bodies = new ArrayList<>();
        i++; // IF
        conditions.add(conditionUntil("THEN"));
        bodies.add(statements());
        while (word(i).equals("ELSIF") || word(i).equals("ELSEIF")) {
            i++;
            conditions.add(conditionUntil("THEN"));
            bodies.add(statements());
        }
        if (word(i).equals("ELSE")) {
            i++;
            // The ELSE branch runs when the conditions above are false: it is guarded by them too.
            conditions.add("ELSE OF " + String.join(" / ", conditions));
            bodies.add(statements());
        }
        endOf("IF");
        return new Branches(conditions, bodies);
    }

    private Node caseStatement() {
        List<String> conditions = new ArrayList<>();
        List<List<Node>> bodies = new ArrayList<>();
        i++; // CASE
        while (i < tokens.size() && !word(i).equals("WHEN")) {
            i++;
        }
        while (word(i).equals("WHEN")) {
            i++;
            conditions.add(conditionUntil("THEN"));
            bodies.add(statements());
        }
        if (word(i).equals("ELSE")) {
            i++;
            conditions.add("ELSE");
            bodies.add(statements());
        }
        endOf("CASE");
        return new Branches(conditions, bodies);
    }

    private Node loop() {
        String header = word(i).equals("LOOP") ? "LOOP" : conditionUntil("LOOP");
        if (header.equals("LOOP")) {
            i++;
        }
        List<Node> body = statements();
        endOf("LOOP");
        return new Branches(List.of(header), List.of(body));
    }

    /** Text up to the keyword at parenthesis depth 0, which is consumed. */
    private String conditionUntil(String keyword) {
        int start = i;
        int depth = 0;
        while (i < tokens.size()) {
            TokenKind k = tokens.get(i).kind();
            if (k == TokenKind.LPAREN) {
                depth++;
            } else if (k == TokenKind.RPAREN) {
                depth--;
            } else if (depth <= 0 && word(i).equals(keyword)) {
                break;
            } else if (k == TokenKind.SEMICOLON) {
                break;
            }
            i++;
        }
        String text = textOf(start, i);
        if (word(i).equals(keyword)) {
            i++;
        }
        return text;
    }

    /** Consumes {@code END [kind] [label] ;}. */
    private void endOf(String kind) {
        if (!word(i).equals("END")) {
            return;
        }
        i++;
        if (!kind.isEmpty() && word(i).equals(kind)) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).kind() == TokenKind.WORD && !STOP_WORDS.contains(word(i))) {
            i++; // label
        }
        if (i < tokens.size() && tokens.get(i).kind() == TokenKind.SEMICOLON) {
            i++;
        }
    }

    private Node simple() {
        int from = i;
        while (i < tokens.size() && tokens.get(i).kind() != TokenKind.SEMICOLON) {
            i++;
        }
        Simple simple = new Simple(from, i);
        if (i < tokens.size()) {
            i++;
        }
        return simple;
    }

    // ---------------------------------------------------------------- flattening

    private void flatten(List<Node> nodes, List<String> handlers, List<String> conditions, List<Span> clauses,
                         List<Change> out) {
        for (Node node : nodes) {
            if (node instanceof Simple simple) {
                out.addAll(recognize(simple, handlers, conditions, clauses));
            } else if (node instanceof Block block) {
                List<String> inside = new ArrayList<>(handlers);
                block.handlers().forEach(h -> inside.addAll(h.conditions()));
                List<Span> insideClauses = clauses;
                if (!block.handlers().isEmpty()) {
                    insideClauses = block.handlers().stream().map(Handler::written).filter(w -> w != null).toList();
                }
                flatten(block.body(), List.copyOf(inside), conditions, insideClauses, out);
                for (Handler handler : block.handlers()) {
                    flatten(handler.body(), handlers, conditions, clauses, out);
                }
            } else if (node instanceof Branches branches) {
                for (int b = 0; b < branches.bodies().size(); b++) {
                    List<String> guarded = new ArrayList<>(conditions);
                    guarded.add(branches.conditions().get(b));
                    flatten(branches.bodies().get(b), handlers, List.copyOf(guarded), clauses, out);
                }
            }
        }
    }

    private List<Change> recognize(Simple simple, List<String> handlers, List<String> conditions, List<Span> clauses) {
        if (simple.from() >= simple.to()) {
            return List.of();
        }
        Token first = tokens.get(simple.from());
        Token terminator = simple.to() < tokens.size() ? tokens.get(simple.to()) : null;
        Token last = terminator != null ? terminator : tokens.get(simple.to() - 1);
        Guard guard = new Guard(outer.span(), handlers, conditions, clauses);
        Statement statement = new Statement(src, List.copyOf(tokens.subList(simple.from(), simple.to())),
                Token.between(first, last), terminator, leadingComments(simple.from()), guard);
        String word = word(simple.from());
        if (PL_COMMANDS.contains(word) || isAssignment(simple)) {
            return List.of(new PlStatement(statement, statement.span(), plCommand(simple)));
        }
        List<Change> changes = SqlRecognizer.recognize(statement);
        if (changes.size() == 1 && changes.get(0) instanceof Unrecognized) {
            return List.of(new PlStatement(statement, statement.span(), "UNKNOWN " + word));
        }
        return changes;
    }

    private String plCommand(Simple simple) {
        return isAssignment(simple) ? "ASSIGN" : word(simple.from());
    }

    /** {@code target := expr} or {@code target = expr}, target being {@code a}, {@code a.b} or {@code a[i]}. */
    private boolean isAssignment(Simple simple) {
        int k = simple.from();
        if (tokens.get(k).kind() != TokenKind.WORD && tokens.get(k).kind() != TokenKind.QUOTED_IDENT) {
            return false;
        }
        k++;
        while (k + 1 < simple.to() && tokens.get(k).kind() == TokenKind.DOT) {
            k += 2;
        }
        if (k < simple.to() && tokens.get(k).kind() == TokenKind.LBRACKET) {
            while (k < simple.to() && tokens.get(k).kind() != TokenKind.RBRACKET) {
                k++;
            }
            k++;
        }
        if (k >= simple.to() || tokens.get(k).kind() != TokenKind.OPERATOR) {
            return false;
        }
        String op = tokens.get(k).text(src);
        return op.equals(":=") || op.equals("=");
    }

    private List<Token> leadingComments(int tokenIndex) {
        int start = tokens.get(tokenIndex).start();
        int previousEnd = tokenIndex == 0 ? 0 : tokens.get(tokenIndex - 1).end();
        List<Token> found = new ArrayList<>();
        for (Token c : comments) {
            if (c.start() >= previousEnd && c.end() <= start) {
                found.add(c);
            }
        }
        return found;
    }

    private String word(int k) {
        if (k >= tokens.size() || tokens.get(k).kind() != TokenKind.WORD) {
            return "";
        }
        return tokens.get(k).text(src).toUpperCase(Locale.ROOT);
    }

    private String textOf(int from, int to) {
        if (from >= to || from >= tokens.size()) {
            return "";
        }
        return src.substring(tokens.get(from).start(), tokens.get(Math.min(to, tokens.size()) - 1).end());
    }
}
