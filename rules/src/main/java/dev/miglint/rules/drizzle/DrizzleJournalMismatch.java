package dev.miglint.rules.drizzle;

import dev.miglint.drizzle.DrizzleFolder;
import dev.miglint.drizzle.DrizzleFolder.Layout;
import dev.miglint.drizzle.DrizzleFolder.Migration;
import dev.miglint.drizzle.DrizzleJournal;
import dev.miglint.drizzle.DrizzleProblem;
import dev.miglint.drizzle.JournalEntry;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;


/** drizzle-journal-mismatch: the journal and the migration files must name the same migrations. */
@RuleInfo(id = "drizzle-journal-mismatch", category = Category.CORRECTNESS, severity = Severity.ERROR, fixable = false,
        since = "0.1.0",
        summary = "a migration file missing from the journal, a journal entry without its file, two files with one number",
        help = "drizzle's migrator runs exactly the journal's entries: a file the journal does not list is never "
                    + "applied, and an entry whose file is gone stops every migration run. Two files with one "
                    + "number usually come from merging two branches; regenerate one of them after the merge.")
public final class DrizzleJournalMismatch implements FolderRule {


    @Override
    public void check(DrizzleFolder folder, Optional<DrizzleJournal> journal, Report report) {
        journal.ifPresentOrElse(j -> againstJournal(folder, j, report), () -> noJournal(folder, report));
        duplicateNumbers(folder, report);
    }

    private void againstJournal(DrizzleFolder folder, DrizzleJournal journal, Report report) {
        for (DrizzleProblem p : journal.problems()) {
            report.add(journal.file(), finding("meta/_journal.json cannot be read as drizzle's "
                    + "migrator reads it: " + p.message(), p.span()));
        }
        if (journal.entries().isEmpty() && !journal.problems().isEmpty()) {
            return; // an unreadable journal would make every file look unlisted
        }
        Set<String> listed = journal.entries().stream().map(JournalEntry::tag).collect(Collectors.toSet());
        for (Migration m : folder.migrations()) {
            if (!listed.contains(m.tag())) {
                report.add(m.sql(), finding(name(folder, m.tag()) + " is not in meta/_journal.json, "
                        + "so drizzle's migrator never applies it", report.firstLine(m.sql())));
            }
        }
        for (JournalEntry e : journal.entries()) {
            if (!Files.isRegularFile(folder.sqlOf(e.tag()))) {
                report.add(journal.file(), finding("journal entry " + e.tag() + " has no file "
                        + name(folder, e.tag()) + ": drizzle's migrator stops before applying anything", e.span()));
            }
        }
    }

    /** drizzle's 0.x migrator refuses a folder without a journal; the newer layout needs none. */
    private void noJournal(DrizzleFolder folder, Report report) {
        if (folder.layout() == Layout.FLAT && !folder.migrations().isEmpty()) {
            Migration first = folder.migrations().get(0);
            report.add(first.sql(), finding("this folder has no meta/_journal.json, so drizzle's "
                    + "migrator applies none of its " + folder.migrations().size() + " files",
                    report.firstLine(first.sql())));
        }
    }

    private void duplicateNumbers(DrizzleFolder folder, Report report) {
        if (folder.layout() != Layout.FLAT) {
            return; // folder names are timestamps to the second; their order is the folder name
        }
        Map<String, List<Migration>> byNumber = folder.migrations().stream()
                .filter(m -> !m.number().isEmpty())
                .collect(Collectors.groupingBy(Migration::number, LinkedHashMap::new, Collectors.toList()));
        for (List<Migration> same : byNumber.values()) {
            for (Migration m : same.size() > 1 ? same : List.<Migration>of()) {
                String others = same.stream().filter(o -> o != m).map(o -> name(folder, o.tag()))
                        .collect(Collectors.joining(", "));
                report.add(m.sql(), finding(name(folder, m.tag()) + " has the same number "
                        + m.number() + " as " + others + "; two branches each generated a migration",
                        report.firstLine(m.sql())));
            }
        }
    }

    String name(DrizzleFolder folder, String tag) {
        return folder.layout() == Layout.FLAT ? tag + ".sql" : tag + "/migration.sql";
    }
}
