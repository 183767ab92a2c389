package dev.miglint.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ignore comments, through the analyzer as users meet them. */
class SuppressionsTest {

    private static List<String> rules(String sql) {
        return Analyzer.withAllRules().analyze(sql).findings().stream()
                .map(f -> f.rule() + "@" + sql.substring(0, f.range().start()).split("\n", -1).length)
                .toList();
    }

    @Test
    void anIgnoreSilencesItsRulesOnTheNextStatementOnly() {
        assertEquals(List.of("ban-drop-column@4"), rules("""
                -- miglint-ignore ban-drop-column: legacy_md5 unused since release 41
                ALTER TABLE users DROP COLUMN IF EXISTS legacy_md5;

                ALTER TABLE users DROP COLUMN IF EXISTS legacy_sha1;
                """));
    }

    @Test
    void anIgnoreMayNameSeveralRules() {
        assertEquals(List.of(), rules("""
                /* miglint-ignore ban-drop-column, require-if-exists: reviewed in PR 812 */
                ALTER TABLE users DROP COLUMN legacy;
                """).stream().filter(r -> r.startsWith("ban-drop-column")).toList());
    }

    @Test
    void aFileIgnoreSilencesTheRuleEverywhere() {
        assertEquals(List.of(), rules("""
                CREATE TABLE IF NOT EXISTS b (id int);
                ALTER TABLE a DROP COLUMN IF EXISTS x;
                -- miglint-ignore-file ban-drop-column: this file retires the v1 columns
                ALTER TABLE a DROP COLUMN IF EXISTS y;
                """));
    }

    @Test
    void anUnknownRuleIsReportedAndAnUnusedIgnoreIsNoted() {
        assertEquals(List.of("invalid-ignore@1", "unused-ignore@3"), rules("""
                -- miglint-ignore ban-drop-colum: typo
                CREATE TABLE IF NOT EXISTS a (id int);
                -- miglint-ignore ban-drop-column: nothing to silence here
                CREATE TABLE IF NOT EXISTS b (id int);
                """));
    }

    @Test
    void anIgnoreWithoutAReasonOrWithThePlaceholderStillSilencesButIsNoted() {
        assertEquals(List.of("ignore-without-reason@1", "ignore-without-reason@3"), rules("""
                -- miglint-ignore ban-drop-column
                ALTER TABLE users DROP COLUMN IF EXISTS a;
                -- miglint-ignore ban-drop-column: <reason>
                ALTER TABLE users DROP COLUMN IF EXISTS b;
                """));
    }

    @Test
    void anIgnoreInsideADoBlockSilencesTheStatementBelowIt() {
        assertEquals(List.of(), rules("""
                DO $$ BEGIN
                  -- miglint-ignore ban-drop-column: reviewed
                  ALTER TABLE a DROP COLUMN IF EXISTS x;
                END $$;
                """).stream().filter(r -> r.startsWith("ban-drop-column")).toList());
    }

    @Test
    void anIgnoreAfterAStatementOnItsLineIsReportedAsMisplaced() {
        assertEquals(List.of("invalid-ignore@1", "ban-drop-column@2"), rules("""
                CREATE TABLE IF NOT EXISTS b (id int); -- miglint-ignore ban-drop-column: meant for the next line
                ALTER TABLE a DROP COLUMN IF EXISTS x;
                """));
    }

    @Test
    void aWordThatMerelyStartsLikeTheDirectiveIsNotOne() {
        assertEquals(List.of("ban-drop-column@2"), rules("""
                -- miglint-ignored-by-nobody ban-drop-column
                ALTER TABLE a DROP COLUMN IF EXISTS x;
                """));
    }
}
