package dev.miglint.cli;

import dev.miglint.project.Discovery;
import dev.miglint.project.SourceText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the files a command was given and reads them as UTF-8 text. */
final class SourceFiles {

    /** A usage or I/O problem that ends the command with exit code 2. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    /** The text of a file, or why it has none. */
    record Source(Path path, String text, String problem) {
    }

    private SourceFiles() {
    }

    /** Files named on the command line, and the .sql files under folders named there, in path order. */
    static List<Path> collect(List<String> arguments) throws UsageError {
        List<Path> files = new ArrayList<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                files.addAll(walk(path));
            } else {
                throw new UsageError("no such file or directory: " + argument);
            }
        }
        return files;
    }

    private static List<Path> walk(Path root) throws UsageError {
        try {
            return Discovery.sqlFiles(root, file -> true);
        } catch (IOException | UncheckedIOException e) {
            throw new UsageError("cannot read directory " + root + ": " + e.getMessage());
        }
    }


    /** Reads a file as strict UTF-8; a BOM is dropped, as editors do. */
    static Source read(Path path) throws UsageError {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UsageError("no such file: " + path);
        } catch (IOException e) {
            throw new UsageError("cannot read " + path + ": " + e.getMessage());
        }
        SourceText decoded = SourceText.decode(bytes);
        return new Source(path, decoded.text(), decoded.problem());
    }
}
