package dev.miglint.rules;

import dev.miglint.sql.SqlFile;

import java.util.List;

/** The result of analysing one file: what the front end understood and what the rules found. */
public record Analysis(SqlFile file, List<Finding> findings) {

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
