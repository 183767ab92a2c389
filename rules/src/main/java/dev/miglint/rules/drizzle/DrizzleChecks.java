package dev.miglint.rules.drizzle;

import dev.miglint.drizzle.DrizzleFolder;
import dev.miglint.drizzle.DrizzleJournal;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks a drizzle migrations folder as a whole: journal against files, journal order, snapshot
 * chain. A journal or snapshot that cannot be parsed is a finding, never an exception.
 */
public final class DrizzleChecks {

    private static final List<FolderRule> RULES = Rules.ofType(FolderRule.class);

    private DrizzleChecks() {
    }

    /**
     * Findings by the file they are shown on, files sorted by path.
     *
     * @throws UncheckedIOException when the folder or one of its files cannot be read
     */
    public static Map<Path, List<Finding>> check(Path migrationsFolder) {
        DrizzleFolder folder;
        try {
            folder = DrizzleFolder.scan(migrationsFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return check(folder);
    }

    public static Map<Path, List<Finding>> check(DrizzleFolder folder) {
        return check(folder, null);
    }

    /** As {@link #check(DrizzleFolder)}, reading the journal and snapshots through {@code reader} (null: the disk). */
    public static Map<Path, List<Finding>> check(DrizzleFolder folder, Function<Path, String> reader) {
        Report report = reader == null ? new Report() : new Report(reader);
        Optional<DrizzleJournal> journal = folder.journal().map(p -> DrizzleJournal.read(p, report.text(p)));
        RULES.forEach(rule -> rule.check(folder, journal, report));
        return report.result();
    }
}
