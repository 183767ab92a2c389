package dev.miglint.cli;

import dev.miglint.text.LineIndex;

import dev.miglint.rules.alembic.AlembicAnalyzer;
import dev.miglint.alembic.AlembicVersion;
import dev.miglint.rules.Analysis;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Severity;
import dev.miglint.text.Span;
import dev.miglint.sql.SqlFile;

import java.nio.file.Path;
import java.util.List;

/** One file's analysis, or the reason it could not be read, with positions for reporting. */
record FileResult(Path path, String text, Analysis analysis, LineIndex lines, List<Finding> findings) {

    /** Reported for a file that is not UTF-8 text; the other files are still analysed. */
    static final String UNREADABLE = "unreadable-file";

    /** A file read and parsed, or why it could not be. */
    record Parsed(Path path, String text, SqlFile file, String problem) {

        static Parsed of(Path path) throws SourceFiles.UsageError {
            SourceFiles.Source source = SourceFiles.read(path);
            if (source.text() == null) {
                return new Parsed(path, null, null, source.problem());
            }
            return ofText(path, source.text());
        }

        /** A text that is not (or not yet) what the file holds on disk: {@code fix} re-checks its edits. */
        static Parsed ofText(Path path, String text) {
            if (isPython(path) || isTypeScript(path)) {
                return new Parsed(path, text, null, null); // read by the Alembic, model or Drizzle readers
            }
            try {
                return new Parsed(path, text, SqlFile.parse(text), null);
            } catch (RuntimeException | StackOverflowError e) {
                return new Parsed(path, text, null, "miglint could not read this file (" + e
                        + "); please report it");
            }
        }
    }

    static boolean isTypeScript(Path path) {
        return path.getFileName() != null && path.getFileName().toString().endsWith(".ts");
    }

    static boolean isPython(Path path) {
        return path.getFileName() != null && path.getFileName().toString().endsWith(".py");
    }

    static FileResult of(Parsed parsed, FileContext context, Analyzer analyzer) {
        return of(parsed, context, analyzer, null);
    }

    /** @param alembicVersion the project's Alembic, for the keyword fixes of revisions (null: unknown) */
    static FileResult of(Parsed parsed, FileContext context, Analyzer analyzer, AlembicVersion.Version alembicVersion) {
        if (parsed.text() == null) {
            return problem(parsed, UNREADABLE, parsed.problem(), "miglint reads migrations as UTF-8 text.");
        }
        if (isPython(parsed.path())) {
            return revision(parsed, context, analyzer, alembicVersion);
        }
        if (parsed.file() == null) {
            return problem(parsed, Analyzer.INTERNAL_ERROR, parsed.problem(), "This is a bug in miglint.");
        }
        try {
            Analysis analysis = analyzer.analyze(parsed.file(), context);
            return new FileResult(parsed.path(), parsed.text(), analysis, new LineIndex(parsed.text()), analysis.findings());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours on one file must not cost the user the report on the others.
            return problem(parsed, Analyzer.INTERNAL_ERROR, "miglint could not analyse this file (" + e
                    + "); please report it", "This is a bug in miglint, not in your migration.");
        }
    }

    /** An Alembic revision; a Python file that is not one has nothing to report. */
    private static FileResult revision(Parsed parsed, FileContext context, Analyzer analyzer,
                                       AlembicVersion.Version alembicVersion) {
        try {
            return AlembicAnalyzer.analyze(analyzer, parsed.text(), context, alembicVersion)
                    .map(a -> new FileResult(parsed.path(), parsed.text(), a, new LineIndex(parsed.text()), a.findings()))
                    .orElseGet(() -> new FileResult(parsed.path(), parsed.text(), null, new LineIndex(parsed.text()), List.of()));
        } catch (RuntimeException | StackOverflowError e) {
            return problem(parsed, Analyzer.INTERNAL_ERROR, "miglint could not analyse this file (" + e
                    + "); please report it", "This is a bug in miglint, not in your migration.");
        }
    }

    /** The same file with more findings (cross-file ones, such as the Alembic history's), in text order. */
    FileResult with(List<Finding> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        all.sort(Finding.IN_TEXT_ORDER);
        return new FileResult(path, text, analysis, lines, List.copyOf(all));
    }

    private static FileResult problem(Parsed parsed, String rule, String message, String help) {
        Finding problem = new Finding(rule, Severity.ERROR, message, help, new Span(0, 0), List.of());
        return new FileResult(parsed.path(), parsed.text(), null, new LineIndex(parsed.text() == null ? "" : parsed.text()),
                List.of(problem));
    }

    int statements() {
        return analysis == null ? 0 : analysis.file().statements().size();
    }
}
