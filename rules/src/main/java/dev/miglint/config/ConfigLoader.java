package dev.miglint.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code .miglint.json} (JSON with comments, read leniently) into {@link Settings}. Never
 * throws: a broken file yields the defaults plus one problem naming the file, line and what is wrong.
 */
public final class ConfigLoader {

    public static final String FILE_NAME = ".miglint.json";

    /** The keys of {@code .miglint.json}. */
    public static final Set<String> KEYS = Set.of("rules", "runner", "postgresVersion", "acceptTransactional",
            "include", "exclude", "alembicVersion");
    private static final Set<String> LEVELS = Set.of("off", "info", "warning", "error");
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    /** Settings read from a file or a JSON text, and what was wrong with it (empty when nothing). */
    public record Loaded(SettingsLayer layer, Path file, List<String> problems) {

        /** The settings in force: what the source sets, the defaults for the rest. */
        public Settings settings() {
            return layer.resolve();
        }
    }

    private ConfigLoader() {
    }

    /** The nearest {@code .miglint.json} at or above {@code start} (a file or folder), if any. */
    public static Path find(Path start) {
        Path dir = Files.isDirectory(start) ? start : start.toAbsolutePath().getParent();
        for (Path d = dir == null ? null : dir.toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    public static Loaded load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file);
        } catch (IOException | RuntimeException e) {
            return new Loaded(SettingsLayer.EMPTY, file, List.of(file + ": cannot read the configuration: " + e.getMessage()
                    + "; using the defaults"));
        }
    }

    /** Parses a configuration text; {@code file} only names it in problems (may be null). */
    public static Loaded parse(String json, Path file) {
        String where = file == null ? "configuration" : file.toString();
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(new StringReader(withoutTrailingCommas(json)));
            reader.setStrictness(Strictness.LENIENT);
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException | StackOverflowError e) {
            return new Loaded(SettingsLayer.EMPTY, file, List.of(where + lineOf(e) + ": not valid JSON ("
                    + shortMessage(e) + "); using the defaults"));
        }
        if (root == null || root.isJsonNull()) {
            return new Loaded(SettingsLayer.EMPTY, file, List.of());
        }
        if (!root.isJsonObject()) {
            return new Loaded(SettingsLayer.EMPTY, file, List.of(where + ": must be a JSON object; using the defaults"));
        }
        return read(root.getAsJsonObject(), file, where);
    }

    /** Reads an already parsed object, e.g. the LSP setting {@code miglint}. */
    public static Loaded read(JsonObject object, Path file, String where) {
        List<String> problems = new ArrayList<>();
        Map<String, String> rules = new LinkedHashMap<>();
        Runner runner = null;
        Integer postgres = null;
        Boolean acceptTransactional = null;
        List<String> include = null;
        List<String> exclude = null;
        String alembicVersion = null;
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            String key = e.getKey();
            JsonElement value = e.getValue();
            try {
                switch (key) {
                    case "rules" -> rules = rules(value, where, problems);
                    case "runner" -> {
                        runner = Runner.parse(value.getAsString().toLowerCase(Locale.ROOT)).orElse(null);
                        if (runner == null) {
                            problems.add(where + ": \"runner\" must be one of none, flyway, drizzle, prisma, "
                                    + "supabase, alembic; got " + value);
                        }
                    }
                    case "postgresVersion" -> postgres = postgresVersion(value, where, problems);
                    case "acceptTransactional" -> acceptTransactional = value.getAsBoolean();
                    case "include" -> include = strings(value);
                    case "exclude" -> exclude = strings(value);
                    case "alembicVersion" -> alembicVersion = value.getAsString();
                    default -> problems.add(where + ": unknown key \"" + key + "\" (known: " + String.join(", ",
                            KEYS.stream().sorted().toList()) + ")");
                }
            } catch (RuntimeException ex) {
                problems.add(where + ": \"" + key + "\" has the wrong type: " + value);
            }
        }
        return new Loaded(new SettingsLayer(rules, runner, postgres, acceptTransactional, include, exclude, alembicVersion),
                file, List.copyOf(problems));
    }

    private static Map<String, String> rules(JsonElement value, String where, List<String> problems) {
        Map<String, String> rules = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> rule : value.getAsJsonObject().entrySet()) {
            String level = rule.getValue().getAsString().toLowerCase(Locale.ROOT);
            if (LEVELS.contains(level) || level.equals("warn")) {
                rules.put(rule.getKey(), level);
            } else {
                problems.add(where + ": rule \"" + rule.getKey() + "\" has level \"" + level
                        + "\"; use off, info, warning or error");
            }
        }
        return rules;
    }

    private static Integer postgresVersion(JsonElement value, String where, List<String> problems) {
        String text = value.getAsString();
        Matcher m = Pattern.compile("^(\\d+)").matcher(text);
        if (!m.find()) {
            problems.add(where + ": \"postgresVersion\" must be a major version such as 16; got " + value);
            return null;
        }
        return Integer.parseInt(m.group(1));
    }

    private static List<String> strings(JsonElement value) {
        List<String> out = new ArrayList<>();
        if (value.isJsonArray()) {
            JsonArray array = value.getAsJsonArray();
            array.forEach(v -> out.add(v.getAsString()));
        } else {
            out.add(value.getAsString());
        }
        return out;
    }

    /**
     * Drops a comma that only whitespace or comments separate from a closing } or ], as editors'
     * JSON-with-comments allows; strings and comments are left as they are, so line numbers hold.
     */
    static String withoutTrailingCommas(String json) {
        StringBuilder out = new StringBuilder(json.length());
        int i = 0;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < json.length() && json.charAt(end) != '"') {
                    end += json.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(json.length(), end + 1);
                out.append(json, i, end);
                i = end;
            } else if (c == '/' && i + 1 < json.length() && (json.charAt(i + 1) == '/' || json.charAt(i + 1) == '*')) {
                int end = json.charAt(i + 1) == '/' ? json.indexOf('\n', i) : json.indexOf("*/", i + 2) + 2;
                end = end <= 1 ? json.length() : end;
                out.append(json, i, end);
                i = end;
            } else if (c == ',' && closesNext(json, i + 1)) {
                out.append(' ');
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean closesNext(String json, int from) {
        int i = from;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < json.length() && json.charAt(i + 1) == '/') {
                int eol = json.indexOf('\n', i);
                i = eol < 0 ? json.length() : eol;
            } else if (c == '/' && i + 1 < json.length() && json.charAt(i + 1) == '*') {
                int close = json.indexOf("*/", i + 2);
                i = close < 0 ? json.length() : close + 2;
            } else {
                return c == '}' || c == ']';
            }
        }
        return false;
    }

    private static String lineOf(Throwable e) {
        Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
        return m.find() ? ":" + m.group(1) : "";
    }

    private static String shortMessage(Throwable e) {
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int see = message.indexOf("\nSee ");
        return see > 0 ? message.substring(0, see) : message;
    }
}
