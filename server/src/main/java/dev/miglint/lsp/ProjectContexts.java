package dev.miglint.lsp;

import dev.miglint.rules.FileContext;

import java.nio.file.Path;

/**
 * Where an open document sits in its project: the settings, runner and the schema the migrations
 * before it have built. The workspace index replaces {@link DiskHistory} behind this.
 */
interface ProjectContexts {

    /** The context to analyse {@code path} with (null for an untitled document). */
    FileContext contextFor(Path path);

    /** Something on disk changed (a migration or a config file): forget what was read. */
    void invalidate();
}
