package dev.miglint.cli;

import dev.miglint.project.ConfigResolver;
import dev.miglint.project.ProjectService;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Fixes;
import dev.miglint.text.TextEdit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code miglint fix}: applies the first fix of every finding, re-analysing in memory until no fix
 * changes the text (edits that overlap one already taken wait for the next pass), then writes each
 * changed file atomically. Files without fixes, and files that are not UTF-8, are never written.
 */
final class FixCommand {

    /** Enough for fixes that uncover others; a fix that never settles must not loop forever. */
    private static final int MAX_PASSES = 5;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private FixCommand() {
    }

    static int run(Main.Options options, PrintWriter out, PrintStream err) throws SourceFiles.UsageError {
        ConfigResolver configs = new ConfigResolver();
        // The fixed texts are given to the service as an editor gives unsaved ones: each pass re-judges
        // what they change (and the files that depend on them), nothing else.
        ProjectService service = new ProjectService(configs, ProjectService.Mode.RUN);
        List<FileResult> before = ProjectRun.analyze(options.paths(), service);
        configs.problems().forEach(problem -> err.println("miglint: " + problem));

        Map<Path, String> originals = new LinkedHashMap<>();
        Map<Path, String> texts = new LinkedHashMap<>();
        List<FileResult> current = before;
        for (int pass = 0; pass < MAX_PASSES && applyFixes(current, originals, texts); pass++) {
            texts.forEach((path, text) -> service.open(absolute(path), text));
            current = ProjectRun.analyze(options.paths(), service);
        }
        texts.entrySet().removeIf(e -> e.getValue().equals(originals.get(e.getKey())));

        if (options.dryRun()) {
            texts.forEach((path, text) -> out.print(UnifiedDiff.of(path.toString(), originals.get(path), text)));
        } else {
            for (Map.Entry<Path, String> e : texts.entrySet()) {
                write(e.getKey(), e.getValue());
                out.println("fixed " + e.getKey());
            }
        }
        // The texts written are the texts the last pass judged.
        List<FileResult> after = current;
        summary(before, after, texts, options.dryRun(), options.dryRun() ? err : null, out);
        return CheckCommand.hasErrors(after) ? Main.FINDINGS : Main.OK;
    }

    /** One pass: the first fix of every finding, per file. Returns whether any text changed. */
    private static boolean applyFixes(List<FileResult> results, Map<Path, String> originals, Map<Path, String> texts) {
        boolean changed = false;
        for (FileResult r : results) {
            if (r.text() == null) {
                continue; // unreadable: never touched
            }
            List<TextEdit> edits = Fixes.firstFixes(r.findings());
            if (edits.isEmpty()) {
                continue;
            }
            String text = r.text();
            String fixed = Fixes.apply(text, withLineEndingsOf(text, edits));
            if (!fixed.equals(text)) {
                originals.putIfAbsent(r.path(), text);
                texts.put(r.path(), fixed);
                changed = true;
            }
        }
        return changed;
    }

    private static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** Rules write {@code \n}; in a CRLF file the inserted lines get CRLF like their neighbours. */
    static List<TextEdit> withLineEndingsOf(String text, List<TextEdit> edits) {
        int crlf = count(text, "\r\n");
        int lf = count(text, "\n") - crlf;
        if (crlf <= lf) {
            return edits;
        }
        return edits.stream()
                .map(e -> new TextEdit(e.start(), e.end(), e.newText().replaceAll("(?<!\r)\n", "\r\n")))
                .toList();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    /**
     * Writes through a temporary file in the same folder renamed over the original, so a crash
     * leaves the old file or the new one, never half of each. A leading BOM is kept.
     */
    private static void write(Path path, String text) throws SourceFiles.UsageError {
        Path tmp = null;
        try {
            Path target = path.toRealPath();
            byte[] old = Files.readAllBytes(target);
            boolean bom = old.length >= 3 && old[0] == BOM[0] && old[1] == BOM[1] && old[2] == BOM[2];
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            byte[] bytes = body;
            if (bom) {
                bytes = new byte[BOM.length + body.length];
                System.arraycopy(BOM, 0, bytes, 0, BOM.length);
                System.arraycopy(body, 0, bytes, BOM.length, body.length);
            }
            tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".miglint-tmp");
            Files.write(tmp, bytes);
            copyPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new SourceFiles.UsageError("cannot write " + path + ": " + e.getMessage());
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the temporary file keeps the defaults.
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp == null) {
            return;
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // the write already failed; that is the error to report
        }
    }

    /**
     * "fixed N findings in M files; K findings have no automatic fix". N counts, per file and rule,
     * the fixable findings that are gone afterwards.
     */
    private static void summary(List<FileResult> before, List<FileResult> after, Map<Path, String> changed,
                                boolean dryRun, PrintStream err, PrintWriter out) {
        Map<String, Integer> remaining = new HashMap<>();
        int unfixable = 0;
        int stillFixable = 0;
        for (FileResult r : after) {
            for (Finding f : r.findings()) {
                if (f.fixes().isEmpty()) {
                    unfixable++;
                } else {
                    stillFixable++;
                    remaining.merge(r.path() + "\0" + f.rule(), 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> fixable = new HashMap<>();
        for (FileResult r : before) {
            if (changed.containsKey(r.path())) {
                r.findings().stream().filter(f -> !f.fixes().isEmpty())
                        .forEach(f -> fixable.merge(r.path() + "\0" + f.rule(), 1, Integer::sum));
            }
        }
        int fixed = fixable.entrySet().stream()
                .mapToInt(e -> Math.max(0, e.getValue() - remaining.getOrDefault(e.getKey(), 0))).sum();
        String line = String.format("%s %d %s in %d %s; %d %s no automatic fix", dryRun ? "would fix" : "fixed",
                fixed, Reporter.plural(fixed, "finding"), changed.size(), Reporter.plural(changed.size(), "file"),
                unfixable, unfixable == 1 ? "finding has" : "findings have");
        if (stillFixable > 0) {
            line += "; " + stillFixable + " fixable " + Reporter.plural(stillFixable, "finding") + " left (overlapping fixes)";
        }
        if (err != null) {
            out.flush();
            err.println(line); // stdout holds only the diff, ready for patch
        } else {
            out.println(line);
        }
    }
}
