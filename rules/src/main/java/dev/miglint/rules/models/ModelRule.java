package dev.miglint.rules.models;

import dev.miglint.drizzle.schema.DrizzleSchema;
import dev.miglint.models.ModelFile;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Granularity;
import dev.miglint.rules.Rule;
import dev.miglint.schema.SchemaModel;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A rule over a project's models against the schema its migrations build, judged once per project:
 * every model file (or Drizzle schema file) of the project together, findings by file.
 */
public interface ModelRule extends Rule {

    /** SQLModel / SQLAlchemy classes, by file, in path order. */
    void checkModels(Map<Path, ModelFile> models, SchemaModel migrated, Map<Path, List<Finding>> out);

    /** Drizzle pgTable declarations, by file, in path order. */
    void checkSchemas(Map<Path, DrizzleSchema> schemas, SchemaModel migrated, Map<Path, List<Finding>> out);

    @Override
    default Granularity granularity() {
        return Granularity.MODEL;
    }
}
