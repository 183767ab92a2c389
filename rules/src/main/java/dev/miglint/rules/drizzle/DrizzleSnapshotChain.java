package dev.miglint.rules.drizzle;

import dev.miglint.drizzle.DrizzleFolder;
import dev.miglint.drizzle.DrizzleFolder.Layout;
import dev.miglint.drizzle.DrizzleJournal;
import dev.miglint.drizzle.DrizzleProblem;
import dev.miglint.drizzle.DrizzleSnapshot;
import dev.miglint.drizzle.JournalEntry;
import dev.miglint.rules.Category;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.text.Span;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * drizzle-snapshot-chain: each snapshot names the one it was generated from. In 0.x the chain is
 * linear, so a snapshot's prevId must be the previous migration's snapshot id. The folder layout
 * allows merges (several prevIds, and parallel branches), so there a prevId must only name an
 * earlier snapshot.
 */
@RuleInfo(id = "drizzle-snapshot-chain", category = Category.CORRECTNESS, severity = Severity.WARNING, fixable = false,
        since = "0.1.0",
        summary = "a snapshot whose parent is not the previous migration's snapshot; snapshots missing",
        help = "drizzle-kit generate diffs the schema against the latest snapshot, and each snapshot names the one "
                    + "it was made from; a broken or incomplete chain means the next generated migration may "
                    + "repeat or miss changes. Regenerate the snapshots, or check the next migration by hand.")
public final class DrizzleSnapshotChain implements FolderRule {

    /** One link of the chain: a migration's tag and its snapshot, null when the file is absent. */
    private record Link(String tag, Path path, DrizzleSnapshot snapshot) {
    }


    @Override
    public void check(DrizzleFolder folder, Optional<DrizzleJournal> journal, Report report) {
        List<Link> chain = chain(folder, journal, report);
        missing(folder, journal, chain, report);
        List<Link> present = chain.stream().filter(l -> l.snapshot() != null).toList();
        present.forEach(l -> problems(l.snapshot(), report));
        if (folder.layout() == Layout.FLAT) {
            linear(chain, report);
        } else {
            branching(present, present.size() == chain.size(), report);
        }
    }

    /** The snapshots in migration order: the journal's when there is one, else the folder's. */
    private List<Link> chain(DrizzleFolder folder, Optional<DrizzleJournal> journal, Report report) {
        List<String> tags = journal.filter(j -> !j.entries().isEmpty())
                .map(j -> j.entries().stream().map(JournalEntry::tag).toList())
                .orElseGet(() -> folder.migrations().stream().map(DrizzleFolder.Migration::tag).toList());
        List<Link> chain = new ArrayList<>();
        for (String tag : tags) {
            Path path = folder.snapshotOf(tag);
            DrizzleSnapshot s = Files.isRegularFile(path) ? DrizzleSnapshot.read(path, report.text(path)) : null;
            chain.add(new Link(tag, path, s));
        }
        return chain;
    }

    /** One finding per folder: a warning when the latest is missing, since generate diffs against it. */
    private void missing(DrizzleFolder folder, Optional<DrizzleJournal> journal, List<Link> chain,
                                Report report) {
        // an entry without its SQL file is already a mismatch; its snapshot would be noise
        List<Link> absent = chain.stream()
                .filter(l -> l.snapshot() == null && Files.isRegularFile(folder.sqlOf(l.tag()))).toList();
        if (absent.isEmpty()) {
            return;
        }
        Link first = absent.get(0);
        boolean latestAbsent = chain.get(chain.size() - 1).snapshot() == null;
        String message = absent.size() + " of " + chain.size() + " migrations have no snapshot (first: "
                + first.tag() + ")" + (latestAbsent
                ? ", including the latest, so the next drizzle-kit generate diffs against an older schema"
                : "; the latest is present, so drizzle-kit generate still diffs against the right schema");
        Severity level = latestAbsent ? Severity.WARNING : Severity.INFO;
        Optional<JournalEntry> entry = journal.flatMap(j -> j.entry(first.tag()));
        if (entry.isPresent()) {
            report.add(journal.get().file(), finding(level, message, entry.get().span()));
        } else {
            Path sql = folder.sqlOf(first.tag());
            Path shownOn = Files.isRegularFile(sql) ? sql : first.path().getParent();
            report.add(shownOn, finding(level, message,
                    Files.isRegularFile(sql) ? report.firstLine(sql) : new Span(0, 0)));
        }
    }

    private void problems(DrizzleSnapshot s, Report report) {
        for (DrizzleProblem p : s.problems()) {
            report.add(s.file(), finding(p.message(), p.span()));
        }
    }

    /** 0.x: compare neighbours only; across a gap in the kept snapshots nothing can be said. */
    private void linear(List<Link> chain, Report report) {
        for (int i = 1; i < chain.size(); i++) {
            DrizzleSnapshot prev = chain.get(i - 1).snapshot();
            DrizzleSnapshot cur = chain.get(i).snapshot();
            if (prev == null || cur == null || prev.id() == null || cur.prevIds().isEmpty()
                    || prev.file().equals(cur.file()) || cur.prevIds().contains(prev.id())) {
                continue;
            }
            report.add(cur.file(), finding("prevId " + String.join(", ", cur.prevIds())
                    + " is not the id of the previous snapshot " + prev.file().getFileName() + " (" + prev.id()
                    + ")", cur.prevSpan()));
        }
    }

    /** Folder layout: every prevId names an earlier snapshot (or the root id). */
    private void branching(List<Link> present, boolean complete, Report report) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < present.size(); i++) {
            String id = present.get(i).snapshot().id();
            if (id != null) {
                position.putIfAbsent(id, i);
            }
        }
        for (int i = 0; i < present.size(); i++) {
            DrizzleSnapshot cur = present.get(i).snapshot();
            for (String prevId : cur.prevIds()) {
                Integer at = position.get(prevId);
                String why = prevId.equals(DrizzleSnapshot.ROOT_ID) ? null
                        : at != null && at >= i ? "names " + present.get(at).tag() + ", which is not earlier"
                        : at == null && complete ? "names no snapshot in this folder" : null;
                if (why != null) {
                    report.add(cur.file(), finding("prevIds entry " + prevId + " " + why,
                            cur.prevSpan()));
                }
            }
        }
    }
}
