package dev.miglint.rules.correctness;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.AlterObject;
import dev.miglint.change.Change.AlterType;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.Change.CreateType;
import dev.miglint.change.Change.RenameColumn;
import dev.miglint.change.Change.RenameConstraint;
import dev.miglint.change.Change.RenameTable;
import dev.miglint.change.ColumnDef;
import dev.miglint.change.ConstraintDef;
import dev.miglint.change.Name;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.Token;
import dev.miglint.sql.syntax.TokenKind;
import dev.miglint.text.Span;

import java.nio.charset.StandardCharsets;
import java.util.List;

@RuleInfo(
        id = "identifier-too-long",
        summary = "A name longer than 63 bytes is silently truncated by PostgreSQL",
        category = Category.CORRECTNESS,
        severity = Severity.WARNING,
        fixable = false,
        since = "0.1.0",
        help = "PostgreSQL keeps at most 63 bytes of an identifier (NAMEDATALEN - 1) and cuts longer ones with "
                + "only a NOTICE. The database then holds a different name than the migration wrote: two long "
                + "names that share their first 63 bytes collide (\"already exists\"), and ORMs, schema diff tools "
                + "and code that compare names with the catalog see a mismatch on every run. The limit counts "
                + "UTF-8 bytes, so a name with accented or non-Latin letters reaches it with fewer characters. "
                + "Shorten the name to 63 bytes or fewer.")
public final class IdentifierTooLong implements StatementRule {

    /** NAMEDATALEN - 1: the bytes PostgreSQL keeps of an identifier. */
    static final int MAX_BYTES = 63;

    @Override
    public void check(Change change, RuleContext ctx) {
        Statement s = change.statement();
        if (change instanceof CreateTable t) {
            checkName(ctx, "Table", t.name());
            for (ColumnDef c : t.columns()) {
                checkColumn(ctx, s, c);
            }
            for (ConstraintDef c : t.constraints()) {
                checkIdentifier(ctx, "Constraint", c.name(), s, c.span());
            }
        } else if (change instanceof AddColumn a) {
            checkColumn(ctx, s, a.column());
        } else if (change instanceof AddConstraint a) {
            checkIdentifier(ctx, "Constraint", a.name(), s, a.span());
        } else if (change instanceof CreateIndex i) {
            checkName(ctx, "Index", i.name());
        } else if (change instanceof CreateType t) {
            checkName(ctx, "Type", t.name());
        } else if (change instanceof CreateObject o && !o.objectKind().equals("EXTENSION")) {
            checkName(ctx, label(o.objectKind()), o.name());
        } else if (change instanceof RenameColumn r) {
            checkIdentifier(ctx, "Column", r.to(), s, r.span());
        } else if (change instanceof RenameTable r) {
            checkIdentifier(ctx, "Table", r.to(), s, r.span());
        } else if (change instanceof RenameConstraint r) {
            checkIdentifier(ctx, "Constraint", r.to(), s, r.span());
        } else if (change instanceof AlterObject o && o.action().startsWith("RENAME TO")) {
            checkRenameTo(ctx, label(o.objectKind()), s);
        } else if (change instanceof AlterType t && t.action().startsWith("RENAME TO")) {
            checkRenameTo(ctx, "Type", s);
        }
    }

    private static String label(String objectKind) {
        String lower = objectKind.toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static void checkColumn(RuleContext ctx, Statement s, ColumnDef c) {
        if (bytes(c.name()) > MAX_BYTES) {
            report(ctx, "Column", c.name(), c.nameSpan(s));
        }
    }

    private static void checkName(RuleContext ctx, String what, Name name) {
        if (name != null && bytes(name.name()) > MAX_BYTES) {
            report(ctx, what, name.name(), name.span());
        }
    }

    /** A name the IR holds as a string: its range is the identifier token in {@code within} that spells it. */
    private static void checkIdentifier(RuleContext ctx, String what, String name, Statement s, Span within) {
        if (name == null || bytes(name) <= MAX_BYTES) {
            return;
        }
        for (Token t : s.tokens()) {
            if (t.start() >= within.start() && t.end() <= within.end() && isIdentifier(t)
                    && t.identifier(s.source()).equals(name)) {
                report(ctx, what, name, new Span(t.start(), t.end()));
                return;
            }
        }
        report(ctx, what, name, within);
    }

    /** ALTER INDEX/SEQUENCE/VIEW/TYPE … RENAME TO name: the identifier after TO. */
    private static void checkRenameTo(RuleContext ctx, String what, Statement s) {
        List<Token> tokens = s.tokens();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (s.isWord(i, "RENAME") && s.isWord(i + 1, "TO") && isIdentifier(tokens.get(i + 2))) {
                Token t = tokens.get(i + 2);
                String name = t.identifier(s.source());
                if (bytes(name) > MAX_BYTES) {
                    report(ctx, what, name, new Span(t.start(), t.end()));
                }
                return;
            }
        }
    }

    private static boolean isIdentifier(Token t) {
        return t.is(TokenKind.WORD) || t.is(TokenKind.QUOTED_IDENT);
    }

    private static void report(RuleContext ctx, String what, String name, Span range) {
        ctx.report(range, what + " name " + abbreviate(name) + " is " + bytes(name) + " bytes long and PostgreSQL "
                + "silently truncates it to \"" + truncated(name) + "\": shorten it to " + MAX_BYTES
                + " bytes or fewer", List.of());
    }

    static int bytes(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    /** What PostgreSQL keeps: whole characters up to 63 bytes. */
    static String truncated(String name) {
        int bytes = 0;
        int i = 0;
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_BYTES) {
                break;
            }
            bytes += size;
            i += Character.charCount(cp);
        }
        return name.substring(0, i);
    }

    private static String abbreviate(String name) {
        return "\"" + (name.length() > 24 ? name.substring(0, 24) + "…" : name) + "\"";
    }
}
