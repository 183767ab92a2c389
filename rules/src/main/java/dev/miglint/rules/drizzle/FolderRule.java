package dev.miglint.rules.drizzle;

import dev.miglint.drizzle.DrizzleFolder;
import dev.miglint.drizzle.DrizzleJournal;
import dev.miglint.rules.Granularity;
import dev.miglint.rules.Rule;

import java.util.Optional;

/** A rule over a Drizzle migrations folder: its journal, its SQL files and its snapshots together. */
public interface FolderRule extends Rule {

    /** @param journal the folder's journal as read, or empty when it has none */
    void check(DrizzleFolder folder, Optional<DrizzleJournal> journal, Report report);

    @Override
    default Granularity granularity() {
        return Granularity.FOLDER;
    }
}
