package dev.miglint.project;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** For tests: the schema a Drizzle migrations folder builds, its files replayed in journal order (the project service does this for the product). */
public final class DrizzleMigrations {

    private DrizzleMigrations() {
    }

    /** The schema after every migration of {@code folder}. */
    public static SchemaModel replay(Path folder) throws IOException {
        SchemaModel schema = SchemaModel.EMPTY;
        for (Path file : order(folder)) {
            FileContext ctx = new FileContext(file.toString(), Settings.DEFAULTS, Runner.DRIZZLE, schema);
            schema = Analyzer.replay(SqlFile.parse(Files.readString(file)), ctx);
        }
        return schema;
    }

    /**
     * The migration files in the order drizzle-kit applies them: {@code meta/_journal.json}'s entries
     * (those whose file exists), else the .sql files by name.
     */
    public static List<Path> order(Path folder) throws IOException {
        Path journal = folder.resolve("meta/_journal.json");
        if (Files.isRegularFile(journal)) {
            List<Path> out = journalOrder(folder, Files.readString(journal));
            if (!out.isEmpty()) {
                return out;
            }
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
    }

    private static List<Path> journalOrder(Path folder, String json) {
        List<Path> out = new ArrayList<>();
        try {
            JsonElement root = JsonParser.parseString(json);
            if (!root.isJsonObject() || !root.getAsJsonObject().has("entries")) {
                return out;
            }
            for (JsonElement e : root.getAsJsonObject().getAsJsonArray("entries")) {
                JsonObject entry = e.getAsJsonObject();
                Path file = folder.resolve(entry.get("tag").getAsString() + ".sql");
                if (Files.isRegularFile(file)) {
                    out.add(file);
                }
            }
        } catch (RuntimeException malformed) {
            return new ArrayList<>(); // a journal that cannot be read: fall back to file names
        }
        return out;
    }
}
