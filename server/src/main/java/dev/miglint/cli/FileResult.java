package dev.miglint.cli;

import dev.miglint.rules.Analysis;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Severity;
import dev.miglint.sql.Span;

import java.nio.file.Path;
import java.util.List;

/** One file's analysis, or the reason it could not be read, with positions for reporting. */
record FileResult(Path path, Analysis analysis, LineIndex lines, List<Finding> findings) {

    /** Reported for a file that is not UTF-8 text; the other files are still analysed. */
    static final String UNREADABLE = "unreadable-file";

    static FileResult of(Path path, Analyzer analyzer) throws SourceFiles.UsageError {
        SourceFiles.Source source = SourceFiles.read(path);
        if (source.text() == null) {
            Finding problem = new Finding(UNREADABLE, Severity.ERROR, source.problem(),
                    "miglint reads migrations as UTF-8 text.", new Span(0, 0), List.of());
            return new FileResult(path, null, new LineIndex(""), List.of(problem));
        }
        Analysis analysis;
        try {
            analysis = analyzer.analyze(source.text());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug of ours on one file must not cost the user the report on the others.
            Finding problem = new Finding(Analyzer.INTERNAL_ERROR, Severity.ERROR,
                    "miglint could not analyse this file (" + e + "); please report it",
                    "This is a bug in miglint, not in your migration.", new Span(0, 0), List.of());
            return new FileResult(path, null, new LineIndex(source.text()), List.of(problem));
        }
        return new FileResult(path, analysis, new LineIndex(source.text()), analysis.findings());
    }

    int statements() {
        return analysis == null ? 0 : analysis.file().statements().size();
    }
}
