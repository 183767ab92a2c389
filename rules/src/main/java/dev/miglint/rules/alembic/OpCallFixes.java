package dev.miglint.rules.alembic;

import dev.miglint.alembic.AlembicVersion;
import dev.miglint.alembic.OpCall;
import dev.miglint.rules.Fix;

import java.util.List;

/**
 * A statement rule that fixes its own finding on an Alembic op call in the Python (a keyword
 * argument, an autocommit block) rather than in the SQL the call stands for.
 */
public interface OpCallFixes {

    /** The fixes for this rule's finding on {@code call}; empty when the call cannot take one here. */
    List<Fix> fixOpCall(OpCall call, String text, AlembicVersion.Version version);

    /** What the finding's help adds when there is no fix: how to do it by hand. */
    default String byHand() {
        return "";
    }
}
