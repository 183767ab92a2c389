package dev.miglint.cli;

/** What ends a command with exit code 2. */
final class SourceFiles {

    /** A usage or I/O problem that ends the command with exit code 2. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    private SourceFiles() {
    }
}
