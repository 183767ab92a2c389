package dev.miglint.alembic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which Alembic version a project uses, read from its dependency files, and what that version
 * supports. Lock files give the installed version; a range gives its lower bound, the oldest
 * version the project admits, which is the one whose features it can rely on.
 */
public final class AlembicVersion {

    /** A release, e.g. 1.13.2; parts a version string lacks are 0. */
    public record Version(int major, int minor, int patch) implements Comparable<Version> {

        @Override
        public int compareTo(Version o) {
            int c = Integer.compare(major, o.major);
            c = c != 0 ? c : Integer.compare(minor, o.minor);
            return c != 0 ? c : Integer.compare(patch, o.patch);
        }

        /** True when this is {@code version} or later; false when {@code version} does not parse. */
        public boolean atLeast(String version) {
            return parse(version).map(v -> compareTo(v) >= 0).orElse(false);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    /** How far up from the versions folder to look: alembic/versions sits a few folders below the project root. */
    private static final int MAX_LEVELS = 6;
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");
    /** alembic, optional extras, then the specifier: {@code alembic[tz] >= 1.12, < 2}. */
    private static final Pattern REQUIREMENT = Pattern.compile(
            "(?i)^\\s*alembic(?![\\w.-])\\s*(?:\\[[^]]*])?\\s*(?:\\(\\s*)?([^;#\"')]*)");
    private static final Pattern LOWER_BOUND = Pattern.compile("(===|==|~=|>=|>|\\^|~)?\\s*v?(\\d+(?:\\.\\d+)*)[\\w.*+!-]*");
    private static final Pattern POETRY = Pattern.compile(
            "(?i)^\\s*[\"']?alembic[\"']?\\s*=\\s*(?:\\{[^}]*?version\\s*=\\s*)?[\"']([^\"']*)[\"']");
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']*)[\"']");
    private static final Pattern LOCK_NAME = Pattern.compile("^\\s*name\\s*=\\s*\"alembic\"\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCK_VERSION = Pattern.compile("^\\s*version\\s*=\\s*\"([^\"]*)\"\\s*$");

    /** The release that added {@code if_not_exists=True} / {@code if_exists=True} to each op. */
    private static final Map<String, Version> IF_EXISTS_SINCE = Map.of(
            "create_index", new Version(1, 12, 0), "drop_index", new Version(1, 12, 0),
            "create_table", new Version(1, 13, 3), "drop_table", new Version(1, 13, 3),
            "add_column", new Version(1, 16, 0), "drop_column", new Version(1, 16, 0),
            "drop_constraint", new Version(1, 16, 0));

    private AlembicVersion() {
    }

    /** {@code 1.13.2}, {@code 1.13}, {@code 1.16.0rc1} (pre-release tags are dropped); empty when it is no version. */
    public static Optional<Version> parse(String text) {
        Matcher m = text == null ? null : VERSION.matcher(text.trim());
        if (m == null || !m.lookingAt()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Version(Integer.parseInt(m.group(1)), part(m.group(2)), part(m.group(3))));
        } catch (NumberFormatException e) {
            return Optional.empty(); // more digits than an int holds
        }
    }

    private static int part(String digits) {
        return digits == null ? 0 : Integer.parseInt(digits);
    }

    /** True when {@code version} of Alembic accepts if_not_exists/if_exists on {@code method}. */
    public static boolean supportsIfExists(String method, Version version) {
        Version since = IF_EXISTS_SINCE.get(method);
        return since != null && version != null && version.compareTo(since) >= 0;
    }

    /**
     * The Alembic version of the project around {@code start} (a revision file or its folder): the
     * first folder going up that names one wins. Stops after the folder holding {@code .git}.
     */
    public static Optional<Version> detect(Path start) {
        Path abs = start.toAbsolutePath().normalize();
        Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
        for (int level = 0; dir != null && level <= MAX_LEVELS; level++, dir = dir.getParent()) {
            Optional<Version> found = inFolder(dir);
            if (found.isPresent() || Files.exists(dir.resolve(".git"))) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Lock files first: they say what is installed, where a range only says what is allowed. */
    private static Optional<Version> inFolder(Path dir) {
        for (String lock : List.of("poetry.lock", "uv.lock", "pdm.lock")) {
            Optional<Version> v = read(dir.resolve(lock)).flatMap(AlembicVersion::fromLock);
            if (v.isPresent()) {
                return v;
            }
        }
        for (Path req : requirementFiles(dir)) {
            Optional<Version> v = read(req).flatMap(AlembicVersion::fromRequirements);
            if (v.isPresent()) {
                return v;
            }
        }
        return read(dir.resolve("pyproject.toml")).flatMap(AlembicVersion::fromPyproject);
    }

    /** requirements*.txt in the folder, then *.txt in a requirements/ folder, in name order. */
    private static List<Path> requirementFiles(Path dir) {
        List<Path> out = new ArrayList<>(list(dir, "requirements", ".txt"));
        out.addAll(list(dir.resolve("requirements"), "", ".txt"));
        return out;
    }

    private static List<Path> list(Path dir, String prefix, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(suffix);
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // unreadable or not UTF-8: as if absent
        }
    }

    /** {@code [[package]]} blocks of poetry.lock, uv.lock and pdm.lock: the version after name = "alembic". */
    static Optional<Version> fromLock(String text) {
        boolean inAlembic = false;
        for (String line : text.split("\\R")) {
            if (line.startsWith("[")) {
                inAlembic = false;
            } else if (LOCK_NAME.matcher(line).matches()) {
                inAlembic = true;
            } else if (inAlembic) {
                Matcher m = LOCK_VERSION.matcher(line);
                if (m.matches()) {
                    return parse(m.group(1));
                }
            }
        }
        return Optional.empty();
    }

    /** Lines like {@code alembic==1.13.1} or {@code alembic[tz]>=1.12,<2 ; python_version>"3.8"}. */
    static Optional<Version> fromRequirements(String text) {
        for (String line : text.split("\\R")) {
            Optional<Version> v = fromRequirement(line);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /** One PEP 508 requirement; the lower bound of its specifier, or empty without one (e.g. only {@code <2}). */
    static Optional<Version> fromRequirement(String requirement) {
        Matcher m = REQUIREMENT.matcher(requirement);
        return m.lookingAt() ? lowerBound(m.group(1)) : Optional.empty();
    }

    /** The lowest version a specifier admits: {@code >=1.12,<2} → 1.12, {@code ^1.13.2} → 1.13.2. */
    static Optional<Version> lowerBound(String specifier) {
        for (String clause : specifier.split(",")) {
            Matcher m = LOWER_BOUND.matcher(clause.trim());
            if (m.matches()) {
                return parse(m.group(2));
            }
        }
        return Optional.empty();
    }

    /** PEP 621 (and dependency-group) strings like {@code "alembic>=1.13"}, or poetry's {@code alembic = "^1.13.2"}. */
    static Optional<Version> fromPyproject(String text) {
        for (String line : text.split("\\R")) {
            String code = stripComment(line);
            Matcher poetry = POETRY.matcher(code);
            if (poetry.lookingAt()) {
                return lowerBound(poetry.group(1));
            }
            Matcher quoted = QUOTED.matcher(code);
            while (quoted.find()) {
                Optional<Version> v = fromRequirement(quoted.group(1));
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    /** TOML comments start at a # outside a string. */
    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == 0 && c == '#') {
                return line.substring(0, i);
            }
            if (c == '"' || c == '\'') {
                quote = quote == 0 ? c : quote == c ? 0 : quote;
            }
        }
        return line;
    }
}
