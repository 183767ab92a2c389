package dev.miglint.rules;

import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;

import java.util.List;

/**
 * The result of analysing one file: what the front end understood, what the rules found, and the
 * schema the file leaves for the next migration.
 */
public record Analysis(SqlFile file, List<Finding> findings, SchemaModel schemaAfter) {

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
