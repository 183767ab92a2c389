package dev.miglint.clients;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.miglint.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every editor client offers exactly the keys of .miglint.json ({@link ConfigLoader#KEYS}) as settings,
 * in its code and in its README: a key added to the config shows up as a failure here, not as a
 * setting one editor silently lacks.
 */
class ClientSettingsTest {

    /** Surefire runs in the module directory, {@code server/}. */
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    /** VS Code settings of the editor itself, not of .miglint.json. */
    private static final Set<String> VSCODE_EDITOR_ONLY = Set.of("miglint.java.home", "miglint.trace.server");

    private static final Set<String> KEYS = new TreeSet<>(ConfigLoader.KEYS);

    @Test
    void vsCodeContributesASettingForEveryConfigKey() throws IOException {
        JsonObject pkg = JsonParser.parseString(read("vscode-extension/package.json")).getAsJsonObject();
        Set<String> keys = new TreeSet<>();
        for (String name : pkg.getAsJsonObject("contributes").getAsJsonObject("configuration")
                .getAsJsonObject("properties").keySet()) {
            if (!VSCODE_EDITOR_ONLY.contains(name)) {
                assertTrue(name.startsWith("miglint."), name);
                keys.add(name.substring("miglint.".length()));
            }
        }
        assertEquals(KEYS, keys, "vscode-extension/package.json contributes.configuration (without "
                + VSCODE_EDITOR_ONLY + ")");
    }

    @Test
    void vsCodeSendsEveryConfigKeyToTheServer() throws IOException {
        String settings = read("vscode-extension/src/settings.ts");
        Matcher body = Pattern.compile("export interface MiglintConfig \\{(.*?)\\n}", Pattern.DOTALL).matcher(settings);
        assertTrue(body.find(), "settings.ts declares interface MiglintConfig");
        assertEquals(KEYS, all(Pattern.compile("(?m)^\\s*(\\w+)\\?:"), body.group(1)),
                "the fields of MiglintConfig, the shape toMiglintConfig sends");
        for (String key : KEYS) {
            assertTrue(settings.contains("config." + key + " ="), "toMiglintConfig sets config." + key);
        }
    }

    @Test
    void neovimChecksSettingsAgainstEveryConfigKey() throws IOException {
        Matcher list = Pattern.compile("M\\.settings_keys = \\{([^}]*)}").matcher(read("clients/neovim/lua/miglint/init.lua"));
        assertTrue(list.find(), "init.lua sets M.settings_keys");
        assertEquals(KEYS, all(Pattern.compile("'(\\w+)'"), list.group(1)), "M.settings_keys in clients/neovim/lua/miglint/init.lua");
    }

    @Test
    void neovimReadmeListsEveryConfigKey() throws IOException {
        String table = tableAfter(read("clients/neovim/README.md"), "| key | meaning |");
        assertEquals(KEYS, all(Pattern.compile("(?m)^\\| `(\\w+)` \\|"), table), "the settings table of clients/neovim/README.md");
    }

    @Test
    void emacsHasAVariableForEveryConfigKey() throws IOException {
        String el = read("clients/emacs/miglint.el");
        Matcher alist = Pattern.compile("\\(defconst miglint--settings-variables\\s+'\\((.*?)\\)\\s+\"", Pattern.DOTALL).matcher(el);
        assertTrue(alist.find(), "miglint.el defines miglint--settings-variables");
        Matcher pairs = Pattern.compile("\\((\\w+) \\. (miglint-[\\w-]+)\\)").matcher(alist.group(1));
        Set<String> keys = new TreeSet<>();
        while (pairs.find()) {
            keys.add(pairs.group(1));
            assertTrue(el.contains("(defcustom " + pairs.group(2) + " "), "a defcustom " + pairs.group(2));
        }
        assertEquals(KEYS, keys, "miglint--settings-variables in clients/emacs/miglint.el");
    }

    @Test
    void emacsReadmeListsEveryConfigKey() throws IOException {
        String table = tableAfter(read("clients/emacs/README.md"), "| variable | `.miglint.json` | example |");
        assertEquals(KEYS, all(Pattern.compile("(?m)^\\| `miglint-[\\w-]+` \\| `(\\w+)` \\|"), table),
                "the settings table of clients/emacs/README.md");
    }

    private static String read(String relative) throws IOException {
        return Files.readString(REPO.resolve(relative), StandardCharsets.UTF_8);
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The rows of the Markdown table whose header line is {@code header}. */
    private static String tableAfter(String markdown, String header) {
        int at = markdown.indexOf(header);
        assertTrue(at >= 0, "a table headed " + header);
        List<String> rows = new ArrayList<>();
        for (String line : markdown.substring(at).split("\n")) {
            if (!line.startsWith("|")) {
                break;
            }
            rows.add(line);
        }
        return String.join("\n", rows);
    }
}
