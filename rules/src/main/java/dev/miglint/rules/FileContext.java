package dev.miglint.rules;

import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.schema.SchemaModel;

/**
 * What the project tells the analysis of one file.
 *
 * @param path          the file's path as reported (origins in the schema use it too)
 * @param runner        the runner in force (configured or detected)
 * @param schemaAtStart the schema the earlier migrations have built
 */
public record FileContext(String path, Settings settings, Runner runner, SchemaModel schemaAtStart) {

    public static FileContext standalone(String path) {
        return new FileContext(path, Settings.DEFAULTS, Runner.NONE, SchemaModel.EMPTY);
    }
}
