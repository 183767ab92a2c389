package dev.miglint.rules.alembic;

import dev.miglint.alembic.RevisionFile;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Granularity;
import dev.miglint.rules.Rule;

import java.util.List;

/** A rule over one Alembic revision file as written (its upgrade() beside its downgrade()). */
public interface RevisionRule extends Rule {

    void check(RevisionFile revision, List<Finding> out);

    @Override
    default Granularity granularity() {
        return Granularity.REVISION;
    }
}
