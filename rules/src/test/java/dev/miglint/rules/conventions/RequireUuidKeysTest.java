package dev.miglint.rules.conventions;

import dev.miglint.rules.Analyzer;
import dev.miglint.rules.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Foreign key cases a fixture cannot show, because PostgreSQL rejects the SQL or because fixture
 * setup makes every referenced table known.
 */
class RequireUuidKeysTest {

    private static List<String> findings(String sql) {
        return Analyzer.withAllRules().analyze(sql).findings().stream()
                .filter(f -> f.rule().equals("require-uuid-keys"))
                .map(Finding::message)
                .toList();
    }

    @Test
    void aForeignKeyToATableMiglintHasNotSeenIsJudgedAlone() {
        List<String> found = findings("""
                CREATE TABLE IF NOT EXISTS projects (
                    id uuid PRIMARY KEY,
                    organization_id bigint NOT NULL REFERENCES organizations
                );
                """);
        assertEquals(1, found.size());
        assertTrue(found.get(0).startsWith("Foreign key column organization_id of projects is typed bigint"));
    }

    @Test
    void aNonUuidColumnPointingAtAUuidKeyIsReported() {
        List<String> found = findings("""
                CREATE TABLE IF NOT EXISTS users (id uuid PRIMARY KEY);
                CREATE TABLE IF NOT EXISTS sessions (id uuid PRIMARY KEY, user_id text NOT NULL);
                ALTER TABLE sessions ADD CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id);
                """);
        assertEquals(List.of("Foreign key column user_id of sessions is typed text, not uuid: keys are uuid by the "
                + "team's convention, so reference users with a uuid column"), found);
    }

    @Test
    void aColumnThatFollowsANonUuidKeyIsLeftToTheKey() {
        List<String> found = findings("""
                CREATE TABLE IF NOT EXISTS customers (id serial PRIMARY KEY);
                CREATE TABLE IF NOT EXISTS orders (id uuid PRIMARY KEY, customer_id integer REFERENCES customers);
                """);
        assertEquals(1, found.size());
        assertTrue(found.get(0).startsWith("Primary key column id of customers"));
    }
}
