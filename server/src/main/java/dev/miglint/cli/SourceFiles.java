package dev.miglint.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds the files a command was given and reads them as UTF-8 text. */
final class SourceFiles {

    /** Folders that never hold a project's own migrations. */
    private static final List<String> SKIPPED_DIRS = List.of("node_modules", "target", ".git", ".venv", "venv",
            "__pycache__");

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
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // node_modules and friends are never walked into: they can hold millions of files.
                    boolean skipped = !dir.equals(root) && SKIPPED_DIRS.contains(dir.getFileName().toString());
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isSql(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // an unreadable corner does not stop the walk
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new UsageError("cannot read directory " + root + ": " + e.getMessage());
        }
        found.sort(null);
        return found;
    }

    private static boolean isSql(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql");
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
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Source(path, null, "not UTF-8 text: convert the file to UTF-8 to have it checked");
        }
        if (text.indexOf('\0') >= 0) {
            return new Source(path, null, "binary file (it contains NUL bytes): not a SQL migration");
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new Source(path, text, null);
    }
}
