package dev.miglint.project;

import dev.miglint.rules.Analyzer;

import java.util.concurrent.atomic.AtomicLong;

/** What every part of the project service reads from: the texts, the settings, the engine; and its work counts. */
final class Inputs {

    final Sources sources;
    final Analyzer analyzer = Analyzer.withAllRules();
    private volatile ConfigResolver configs;
    /** SQL texts parsed (files, and the SQL of revisions): once per file and text (tests assert it). */
    final AtomicLong sqlParses = new AtomicLong();
    /** Python files read as revisions or models. */
    final AtomicLong pythonReads = new AtomicLong();
    /** Drizzle folders checked (journal and snapshots read). */
    final AtomicLong folderChecks = new AtomicLong();
    /** Project folders walked for their model, schema and revision files. */
    final AtomicLong walks = new AtomicLong();

    Inputs(Sources sources, ConfigResolver configs) {
        this.sources = sources;
        this.configs = configs;
    }

    ConfigResolver configs() {
        return configs;
    }

    void configs(ConfigResolver resolver) {
        this.configs = resolver;
    }
}
