package dev.miglint.rules.alembic;

import dev.miglint.alembic.AlembicVersion;
import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Fixes;
import dev.miglint.schema.SchemaModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SQL rules on Alembic revisions, with findings and fixes in the .py file's offsets. */
class AlembicAnalyzerTest {

    private static final AlembicVersion.Version NEW_ALEMBIC = AlembicVersion.parse("1.16.2").orElseThrow();
    private static final AlembicVersion.Version OLD_ALEMBIC = AlembicVersion.parse("1.11.0").orElseThrow();

    private static String revision(String upgrade, String downgrade) {
        return """
                \"\"\"add things\"\"\"
                from alembic import op
                import sqlalchemy as sa

                revision = "b2"
                down_revision = "a1"


                def upgrade():
                %s


                def downgrade():
                %s
                """.formatted(upgrade.indent(4).stripTrailing(), downgrade.indent(4).stripTrailing());
    }

    private static List<Finding> findings(String text, AlembicVersion.Version version) {
        FileContext context = new FileContext("versions/b2.py", Settings.DEFAULTS, Runner.ALEMBIC, SchemaModel.EMPTY);
        return AlembicAnalyzer.analyze(Analyzer.withAllRules(), text, context, version).orElseThrow().findings();
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    private static Finding only(List<Finding> findings, String rule) {
        List<Finding> of = findings.stream().filter(f -> f.rule().equals(rule)).toList();
        assertEquals(1, of.size(), rule + " once in " + rules(findings));
        return of.get(0);
    }

    @Test
    void aFindingInLiteralSqlLandsExactlyOnTheSqlInsideThePythonString() {
        String sql = "ALTER TABLE users ADD CONSTRAINT users_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id)";
        String text = revision("op.execute(\"" + sql + "\")", "pass");
        Finding f = only(findings(text, null), "require-guarded-constraint");
        assertEquals(sql, text.substring(f.range().start(), f.range().end()));
    }

    @Test
    void escapesInTheStringDoNotShiftTheRange() {
        String text = revision("op.execute(sa.text(\"\"\"\n    -- it\\'s guarded elsewhere\\n\n    CREATE TABLE notes (body text)\n\"\"\"))", "pass");
        Finding f = only(findings(text, null), "require-if-not-exists");
        assertEquals("CREATE TABLE notes (body text)", text.substring(f.range().start(), f.range().end()));
        String fixed = Fixes.apply(text, Fixes.firstFixes(List.of(f)));
        assertTrue(fixed.contains("CREATE TABLE IF NOT EXISTS notes (body text)"), fixed);
    }

    @Test
    void aTranslatedOpIsReportedOnItsMethodWithTheKeywordFixWhereAlembicHasIt() {
        String text = revision("op.create_table(\n    \"notes\",\n    sa.Column(\"id\", sa.Integer(), primary_key=True),\n)", "op.drop_table(\"notes\")");
        Finding f = only(findings(text, NEW_ALEMBIC), "require-if-not-exists");
        assertEquals("op.create_table", text.substring(f.range().start(), f.range().end()));
        String fixed = Fixes.apply(text, Fixes.firstFixes(List.of(f)));
        assertTrue(fixed.contains("primary_key=True),\n        if_not_exists=True,\n    )"), fixed);
        assertFalse(rules(findings(fixed, NEW_ALEMBIC)).contains("require-if-not-exists"), "fixed");

        Finding old = only(findings(text, OLD_ALEMBIC), "require-if-not-exists");
        assertTrue(old.fixes().isEmpty(), "Alembic 1.11 has no if_not_exists on create_table");
        assertTrue(only(findings(text, null), "require-if-not-exists").fixes().isEmpty(), "unknown version: no fix");
    }

    @Test
    void destructiveRulesConcernUpgradeOnly() {
        String text = revision("op.add_column(\"users\", sa.Column(\"nick\", sa.Text(), nullable=True))",
                "op.drop_column(\"users\", \"nick\")");
        assertFalse(rules(findings(text, null)).contains("ban-drop-column"));
        String dropping = revision("op.drop_column(\"users\", \"nick\")", "pass");
        Finding f = only(findings(dropping, null), "ban-drop-column");
        assertEquals("op.drop_column", dropping.substring(f.range().start(), f.range().end()));
    }

    @Test
    void aPythonIgnoreCommentSilencesTheNextOpCall() {
        String text = revision("# miglint-ignore ban-drop-column: nick unused since release 12\nop.drop_column(\"users\", \"nick\")\nop.drop_column(\"users\", \"avatar\")", "pass");
        List<Finding> findings = findings(text, null);
        Finding f = only(findings, "ban-drop-column");
        assertTrue(text.substring(f.range().start()).startsWith("op.drop_column(\"users\", \"avatar\")"));
    }

    @Test
    void anIgnoreNamingAnUnknownRuleIsReportedOnThePythonComment() {
        String text = revision("# miglint-ignore ban-drop-colum: typo\nop.drop_column(\"users\", \"nick\")", "pass");
        Finding f = only(findings(text, null), "invalid-ignore");
        assertEquals("# miglint-ignore ban-drop-colum: typo", text.substring(f.range().start(), f.range().end()));
    }

    @Test
    void concurrentIndexesNeedTheAutocommitBlock() {
        String inTransaction = revision("op.create_index(\"ix_users_email\", \"users\", [\"email\"], postgresql_concurrently=True)", "pass");
        assertTrue(rules(findings(inTransaction, null)).contains("ban-concurrently-in-transaction"));
        String autocommit = revision("with op.get_context().autocommit_block():\n    op.create_index(\"ix_users_email\", \"users\", [\"email\"], postgresql_concurrently=True)", "pass");
        assertFalse(rules(findings(autocommit, null)).contains("ban-concurrently-in-transaction"));
    }

    @Test
    void aPythonFileThatIsNoRevisionIsNotAnalysed() {
        FileContext context = new FileContext("app/views.py", Settings.DEFAULTS, Runner.ALEMBIC, SchemaModel.EMPTY);
        assertTrue(AlembicAnalyzer.analyze(Analyzer.withAllRules(), "def index():\n    return 'hi'\n", context, null).isEmpty());
    }

    @Test
    void anIgnoreOfAHistoryRuleIsLeftToTheHistoryAndNotReportedAsMisplaced() {
        String text = revision("op.execute(\"UPDATE users SET locale = 'en'\")", "pass")
                .replace("def downgrade():", "# miglint-ignore alembic-empty-downgrade: a backfill has nothing to undo\ndef downgrade():");
        assertFalse(rules(findings(text, null)).contains("invalid-ignore"), rules(findings(text, null)).toString());
    }
}
