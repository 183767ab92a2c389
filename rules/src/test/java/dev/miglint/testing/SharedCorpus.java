package dev.miglint.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code ../shared/corpus} is: the {@code miglint.corpus} property, else beside the checkout. */
public final class SharedCorpus {

    private SharedCorpus() {
    }

    /** {@code corpus/<part>} (e.g. "alembic"), or null when it is not there (the caller skips). */
    public static Path locate(String part) {
        String property = System.getProperty("miglint.corpus");
        if (property != null && Files.isDirectory(Path.of(property, part))) {
            return Path.of(property, part).normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("rules/pom.xml"))) {
                Path candidate = dir.resolve("../shared/corpus").resolve(part).normalize();
                return Files.isDirectory(candidate) ? candidate : null;
            }
        }
        return null;
    }
}
