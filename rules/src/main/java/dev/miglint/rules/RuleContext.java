package dev.miglint.rules;

import dev.miglint.change.Change;
import dev.miglint.sql.Span;
import dev.miglint.sql.SqlFile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a rule sees of the file being analysed, and where it reports. One per rule and file. */
public final class RuleContext {

    private final SqlFile file;
    private final List<Change> changes;
    private final RuleInfo info;
    private final Severity severity;
    private final List<Finding> sink;
    /** Index in {@link #changes} of the change being checked. */
    private int current;

    RuleContext(SqlFile file, List<Change> changes, RuleInfo info, Severity severity, List<Finding> sink) {
        this.file = file;
        this.changes = changes;
        this.info = info;
        this.severity = severity;
        this.sink = sink;
    }

    public String text() {
        return file.text();
    }

    public SqlFile file() {
        return file;
    }

    /** Every change of the file in text order, DO block bodies included. */
    public List<Change> changes() {
        return changes;
    }

    /** The changes that come before the one being checked. */
    public List<Change> before() {
        return changes.subList(0, current);
    }

    void moveTo(int index) {
        current = index;
    }

    public void report(Change at, String message, Fix... fixes) {
        report(at.span(), message, Arrays.asList(fixes));
    }

    public void report(Span range, String message, List<Fix> fixes) {
        sink.add(new Finding(info.id(), severity, message, info.help(), range, new ArrayList<>(fixes)));
    }
}
