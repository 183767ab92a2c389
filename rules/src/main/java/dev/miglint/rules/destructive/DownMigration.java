package dev.miglint.rules.destructive;

import dev.miglint.change.Change;
import dev.miglint.rules.RuleContext;
import dev.miglint.sql.Token;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Down migrations exist to undo an up migration, so dropping, renaming or emptying what the up made
 * is their job: the destructive rules stay quiet there. A change is in a down migration when its file
 * is one ({@code 0004_x.down.sql} of golang-migrate and sqlx, diesel's {@code down.sql}, Flyway's
 * {@code U4__x.sql} undo files) or when it follows a down marker ({@code -- migrate:down} of dbmate,
 * {@code -- +goose Down}, {@code -- +migrate Down} of sql-migrate) with no up marker in between.
 */
final class DownMigration {

    /** Flyway's undo migrations: a capital U, the version, two underscores. */
    private static final Pattern FLYWAY_UNDO = Pattern.compile("U\\d[\\w.]*__.*\\.sql");

    private static final Pattern MARKER = Pattern.compile(
            "--\\s*(?:migrate:(up|down)|\\+(?:goose|migrate)\\s+(up|down))\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private DownMigration() {
    }

    /** True when {@code change} belongs to a down migration. Cheap enough to call before each report. */
    static boolean covers(Change change, RuleContext ctx) {
        if (isDownFile(ctx.path())) {
            return true;
        }
        int at = change.span().start();
        String text = ctx.text();
        boolean down = false;
        for (Token comment : ctx.file().comments()) {
            if (comment.start() >= at) {
                break;
            }
            Matcher m = MARKER.matcher(comment.text(text).trim());
            if (m.matches()) {
                String direction = m.group(1) != null ? m.group(1) : m.group(2);
                down = direction.toLowerCase(Locale.ROOT).equals("down");
            }
        }
        return down;
    }

    static boolean isDownFile(String path) {
        if (path == null) {
            return false;
        }
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".down.sql") || lower.equals("down.sql") || FLYWAY_UNDO.matcher(name).matches();
    }
}
