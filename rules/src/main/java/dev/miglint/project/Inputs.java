package dev.miglint.project;

import dev.miglint.rules.Analyzer;

import java.util.concurrent.atomic.AtomicLong;

/** What every part of the project service reads from: the texts, the settings, the engine; and its work counts. */
final class Inputs {

    final Sources sources;
    private final boolean recheck;
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

    /** Rises whenever a text, a file on disk or the settings change: what was judged at one version holds for it. */
    private final AtomicLong version = new AtomicLong();

    Inputs(Sources sources, ConfigResolver configs, boolean recheck) {
        this.sources = sources;
        this.configs = configs;
        this.recheck = recheck;
    }

    /** The editor: files may change without a word, so kept judgements are looked at again. */
    boolean recheck() {
        return recheck;
    }

    ConfigResolver configs() {
        return configs;
    }

    void configs(ConfigResolver resolver) {
        this.configs = resolver;
        changed();
    }

    long version() {
        return version.get();
    }

    void changed() {
        version.incrementAndGet();
    }
}
