package dev.miglint.rules;

import dev.miglint.change.Change;
import dev.miglint.sql.SqlFile;
import dev.miglint.sql.syntax.Token;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Down migrations exist to undo an up migration, so dropping, renaming or emptying what the up made
 * is their job: destructive rules stay quiet there, and the schema replay skips them. A change is in
 * a down migration when its file is one ({@code 0004_x.down.sql} of golang-migrate and sqlx,
 * diesel's {@code down.sql}, Flyway's {@code U4__x.sql} undo files) or when it follows a down marker
 * ({@code -- migrate:down} of dbmate, {@code -- +goose Down}, {@code -- +migrate Down} of
 * sql-migrate) with no up marker in between.
 */
public final class DownMigration {

    /** Flyway's undo migrations: a capital U, the version, two underscores. */
    private static final Pattern FLYWAY_UNDO = Pattern.compile("U\\d[\\w.]*__.*\\.sql");

    private static final Pattern MARKER = Pattern.compile(
            "--\\s*(?:migrate:(up|down)|\\+(?:goose|migrate)\\s+(up|down))\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private DownMigration() {
    }

    /** For each of {@code changes} (in text order): whether it belongs to a down migration. */
    static boolean[] mark(String path, SqlFile file, List<Change> changes) {
        boolean[] down = new boolean[changes.size()];
        if (isDownFile(path)) {
            java.util.Arrays.fill(down, true);
            return down;
        }
        List<Token> comments = file.comments();
        if (comments.stream().noneMatch(c -> mayMark(file.text(), c))) {
            return down; // no section markers: decided without a regex per comment
        }
        int next = 0;
        boolean inDown = false;
        for (int i = 0; i < changes.size(); i++) {
            int at = changes.get(i).span().start();
            while (next < comments.size() && comments.get(next).start() < at) {
                Matcher m = MARKER.matcher(comments.get(next).text(file.text()).trim());
                if (m.matches()) {
                    String direction = m.group(1) != null ? m.group(1) : m.group(2);
                    inDown = direction.toLowerCase(Locale.ROOT).equals("down");
                }
                next++;
            }
            down[i] = inDown;
        }
        return down;
    }

    /** A cheap look at one comment: markers are {@code -- migrate:…} or {@code -- +goose/+migrate …}. */
    private static boolean mayMark(String text, Token comment) {
        int end = Math.min(comment.end(), comment.start() + 24);
        for (int i = comment.start(); i < end; i++) {
            char c = text.charAt(i);
            if (c == '+' || c == ':') {
                return true;
            }
        }
        return false;
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
