package dev.miglint.project;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The files the server reads, as globs: the one list every editor client attaches by. It is published
 * as {@code clients/file-patterns.json} (VS Code bundles it; the Neovim and Emacs tests check their
 * copies against it) and checked against {@code clients/attach-cases.tsv}.
 *
 * <p>Glob syntax is the subset every client can match the same way: {@code /} separates folders,
 * {@code **} as a whole segment matches zero or more folders, {@code *} any run of characters within
 * one segment, {@code ?} one character; case-sensitive. Every glob starts with {@code **}{@code /}, so
 * a relative and an absolute path of the same file match alike.
 */
public final class FilePatterns {

    /** Where {@link #json()} is committed, relative to the project root. */
    public static final String PUBLISHED = "clients/file-patterns.json";
    /** How to regenerate {@link #PUBLISHED}, for the message that finds it stale. */
    public static final String REGENERATE =
            "mvn -B -q -pl rules test -Dtest=FilePatternsTest -Dsurefire.failIfNoSpecifiedTests=false -Dmiglint.regenerate=true";

    /** What the server does with a file. */
    public enum Kind {
        SQL_MIGRATION, ALEMBIC_REVISION, MODEL, DRIZZLE_SCHEMA, DRIZZLE_JOURNAL, CONFIG;

        /** The name in the published JSON: {@code sql-migration}, {@code alembic-revision} … */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param glob       the pattern, matched against a path with {@code /} separators
     * @param kind       what the server reads such a file as
     * @param languageId the LSP languageId editors usually give such a file
     */
    public record FilePattern(String glob, Kind kind, String languageId) {
    }

    public static final List<FilePattern> ALL = List.of(
            new FilePattern("**/*.sql", Kind.SQL_MIGRATION, "sql"),
            // Alembic's recursive_version_locations lets revisions sit in sub-folders of versions/.
            new FilePattern("**/versions/**/*.py", Kind.ALEMBIC_REVISION, "python"),
            new FilePattern("**/models.py", Kind.MODEL, "python"),
            new FilePattern("**/models/**/*.py", Kind.MODEL, "python"),
            // Drizzle's docs: one src/db/schema.ts, or a schema/ folder of files (often schema/index.ts).
            new FilePattern("**/schema.ts", Kind.DRIZZLE_SCHEMA, "typescript"),
            new FilePattern("**/schema/**/*.ts", Kind.DRIZZLE_SCHEMA, "typescript"),
            // Also common in drizzle.config.ts files: ./src/db/schemas.ts and ./src/db/schemas/*. Only under
            // db/, since a schemas/ folder elsewhere usually holds validation (Zod, JSON) schemas.
            new FilePattern("**/db/schemas.ts", Kind.DRIZZLE_SCHEMA, "typescript"),
            new FilePattern("**/db/schemas/**/*.ts", Kind.DRIZZLE_SCHEMA, "typescript"),
            new FilePattern("**/meta/_journal.json", Kind.DRIZZLE_JOURNAL, "json"),
            new FilePattern("**/.miglint.json", Kind.CONFIG, "json"));

    private FilePatterns() {
    }

    /** True when the server reads the file at {@code path} (relative or absolute; {@code \} is taken as {@code /}). */
    public static boolean matches(String path) {
        return kindOf(path).isPresent();
    }

    /** What the server reads the file at {@code path} as, by the first pattern that matches it. */
    public static Optional<Kind> kindOf(String path) {
        String[] segments = segments(path);
        return ALL.stream().filter(p -> matches(segments(p.glob()), 0, segments, 0)).map(FilePattern::kind).findFirst();
    }

    /** True when {@code glob} matches {@code path}, in the syntax described on the class. */
    public static boolean globMatches(String glob, String path) {
        return matches(segments(glob), 0, segments(path), 0);
    }

    private static String[] segments(String path) {
        return path.replace('\\', '/').replaceAll("^/+|/+$", "").split("/+");
    }

    private static boolean matches(String[] glob, int g, String[] path, int p) {
        if (g == glob.length) {
            return p == path.length;
        }
        if (glob[g].equals("**")) {
            // zero folders, or one more folder and try again
            return matches(glob, g + 1, path, p) || p < path.length && matches(glob, g, path, p + 1);
        }
        return p < path.length && segmentMatches(glob[g], 0, path[p], 0) && matches(glob, g + 1, path, p + 1);
    }

    private static boolean segmentMatches(String glob, int g, String name, int n) {
        if (g == glob.length()) {
            return n == name.length();
        }
        char c = glob.charAt(g);
        if (c == '*') {
            return segmentMatches(glob, g + 1, name, n) || n < name.length() && segmentMatches(glob, g, name, n + 1);
        }
        return n < name.length() && (c == '?' || c == name.charAt(n)) && segmentMatches(glob, g + 1, name, n + 1);
    }

    /** The text of {@link #PUBLISHED}: every pattern with its kind and languageId, in {@link #ALL}'s order. */
    public static String json() {
        StringBuilder out = new StringBuilder();
        out.append("{\n");
        out.append("  \"$comment\": \"Generated from dev.miglint.project.FilePatterns; do not edit. Regenerate: ")
                .append(REGENERATE).append("\",\n");
        out.append("  \"patterns\": [\n");
        for (int i = 0; i < ALL.size(); i++) {
            FilePattern p = ALL.get(i);
            out.append("    { \"glob\": \"").append(p.glob()).append("\", \"kind\": \"").append(p.kind().id())
                    .append("\", \"languageId\": \"").append(p.languageId()).append("\" }")
                    .append(i + 1 < ALL.size() ? ",\n" : "\n");
        }
        out.append("  ]\n}\n");
        return out.toString();
    }
}
