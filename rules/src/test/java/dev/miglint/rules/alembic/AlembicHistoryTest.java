package dev.miglint.rules.alembic;

import dev.miglint.alembic.AlembicReader;
import dev.miglint.alembic.RevisionFile;
import dev.miglint.alembic.RevisionGraph;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Rule;
import dev.miglint.rules.Rules;
import dev.miglint.rules.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlembicHistoryTest {

    private static final String HEAD = "import sqlalchemy as sa\nfrom alembic import op\n\n";

    /** A revision file with the given parent expression and function bodies (indented by 4). */
    private static String text(String id, String down, String upgrade, String downgrade) {
        String s = HEAD + "revision = '" + id + "'\ndown_revision = " + down + "\nbranch_labels = None\n\n\n"
                + "def upgrade():\n" + indent(upgrade);
        return downgrade == null ? s : s + "\n\ndef downgrade():\n" + indent(downgrade);
    }

    private static String indent(String body) {
        return body.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    }

    private static RevisionGraph.Entry entry(String id, String text) {
        RevisionFile f = assertInstanceOf(RevisionFile.class, AlembicReader.read(text));
        return new RevisionGraph.Entry(Path.of("versions/" + id + ".py"), f);
    }

    /** Findings of one file alone (a root revision). */
    private static List<Finding> single(String upgrade, String downgrade) {
        String t = text("a1", "None", upgrade, downgrade);
        return AlembicHistory.check(List.of(entry("a1", t))).get(Path.of("versions/a1.py"));
    }

    private static List<Finding> ofRule(List<Finding> findings, String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).toList();
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    private static String at(String text, Finding f) {
        return f.range().text(text);
    }

    // ---- multiple heads and broken chain

    @Test
    void twoHeadsAreEachReportedOnTheirRevisionLine() {
        List<RevisionGraph.Entry> es = List.of(
                entry("a", text("a", "None", "pass", "pass")),
                entry("b", text("b", "'a'", "pass", "pass")),
                entry("c", text("c", "'a'", "pass", "pass")));
        Map<Path, List<Finding>> out = AlembicHistory.check(es);
        assertEquals(List.of(), out.get(Path.of("versions/a.py")));
        for (String head : List.of("b", "c")) {
            List<Finding> fs = out.get(Path.of("versions/" + head + ".py"));
            assertEquals(List.of("alembic-multiple-heads"), rules(fs));
            Finding f = fs.get(0);
            assertEquals(Severity.ERROR, f.severity());
            assertEquals("revision = '" + head + "'", at(text(head, "'a'", "pass", "pass"), f));
            assertTrue(f.message().contains("b, c") && f.message().contains("alembic merge heads"), f.message());
            assertTrue(f.fixes().isEmpty());
        }
    }

    @Test
    void aMergeRevisionJoinsTheHeadsAndIsNotAnEmptyDowngrade() {
        List<RevisionGraph.Entry> es = List.of(
                entry("a", text("a", "None", "pass", "pass")),
                entry("b", text("b", "'a'", "pass", "pass")),
                entry("c", text("c", "'a'", "pass", "pass")),
                entry("m", text("m", "('b', 'c')", "pass", "pass")));
        AlembicHistory.check(es).forEach((p, fs) -> assertEquals(List.of(), fs, p.toString()));
    }

    @Test
    void headsOnSeparatelyLabelledBranchesAreIntended() {
        String a = text("a", "None", "pass", "pass").replace("branch_labels = None", "branch_labels = ('main',)");
        String x = text("x", "None", "pass", "pass").replace("branch_labels = None", "branch_labels = ('audit',)");
        List<RevisionGraph.Entry> es = List.of(entry("a", a), entry("b", text("b", "'a'", "pass", "pass")),
                entry("x", x), entry("y", text("y", "'x'", "pass", "pass")));
        AlembicHistory.check(es).forEach((p, fs) -> assertEquals(List.of(), fs, p.toString()));
    }

    @Test
    void twoHeadsUnderOneLabelAreStillReported() {
        String a = text("a", "None", "pass", "pass").replace("branch_labels = None", "branch_labels = ('main',)");
        List<RevisionGraph.Entry> es = List.of(entry("a", a), entry("b", text("b", "'a'", "pass", "pass")),
                entry("c", text("c", "'a'", "pass", "pass")));
        assertEquals(2, AlembicHistory.check(es).values().stream().mapToLong(List::size).sum());
    }

    @Test
    void unknownDownRevisionIsABrokenChainOnItsLine() {
        String b = text("b", "'zzz'", "pass", "pass");
        Map<Path, List<Finding>> out = AlembicHistory.check(List.of(entry("a", text("a", "None", "pass", "pass")),
                entry("b", b)));
        List<Finding> fs = ofRule(out.get(Path.of("versions/b.py")), "alembic-broken-chain");
        assertEquals(1, fs.size());
        assertEquals("down_revision = 'zzz'", at(b, fs.get(0)));
        assertTrue(fs.get(0).message().contains("zzz"));
        assertEquals(Severity.ERROR, fs.get(0).severity());
    }

    @Test
    void duplicateIdsAndCyclesAreBrokenChains() {
        List<RevisionGraph.Entry> dup = new ArrayList<>(List.of(entry("a", text("a", "None", "pass", "pass"))));
        dup.add(new RevisionGraph.Entry(Path.of("versions/a_copy.py"), dup.get(0).file()));
        List<Finding> copy = AlembicHistory.check(dup).get(Path.of("versions/a_copy.py"));
        assertEquals(List.of("alembic-broken-chain"), rules(copy));
        assertTrue(copy.get(0).message().contains("duplicate"));

        Map<Path, List<Finding>> cycle = AlembicHistory.check(List.of(entry("r", text("r", "None", "pass", "pass")),
                entry("x", text("x", "'y'", "pass", "pass")), entry("y", text("y", "'x'", "pass", "pass"))));
        for (String id : List.of("x", "y")) {
            List<Finding> fs = ofRule(cycle.get(Path.of("versions/" + id + ".py")), "alembic-broken-chain");
            assertEquals(1, fs.size(), id);
            assertTrue(fs.get(0).message().contains("cycle"));
        }
    }

    // ---- empty downgrade

    @Test
    void passDowngradeAfterARealUpgradeIsReportedOnTheDefName() {
        String t = text("a1", "None", "op.add_column('users', sa.Column('email', sa.String()))", "pass");
        List<Finding> fs = AlembicHistory.checkFile(entry("a1", t).file());
        assertEquals(List.of("alembic-empty-downgrade"), rules(fs));
        assertEquals("downgrade", at(t, fs.get(0)));
        assertEquals(Severity.WARNING, fs.get(0).severity());
        assertTrue(fs.get(0).message().contains("add_column"), fs.get(0).message());
    }

    @Test
    void docstringOnlyAndEllipsisDowngradesAreEmpty() {
        assertEquals(List.of("alembic-empty-downgrade"), rules(single("op.drop_table('old')", "\"\"\"Irreversible.\"\"\"")));
        assertEquals(List.of("alembic-empty-downgrade"), rules(single("op.drop_table('old')", "...")));
        assertEquals(List.of("alembic-empty-downgrade"), rules(single("op.execute('DELETE FROM t')", "# nothing")));
    }

    @Test
    void missingDowngradeIsReportedOnTheRevisionLine() {
        String t = text("a1", "None", "op.create_index('ix_a', 'a', ['x'])", null);
        List<Finding> fs = AlembicHistory.checkFile(entry("a1", t).file());
        assertEquals(List.of("alembic-empty-downgrade"), rules(fs));
        assertEquals("revision = 'a1'", at(t, fs.get(0)));
    }

    @Test
    void emptyUpgradeAndDowngradeAreFine() {
        assertEquals(List.of(), single("pass", "pass"));
        assertEquals(List.of(), single("conn = op.get_bind()", "pass"));
    }

    @Test
    void aDowngradeThatRaisesIsNeitherEmptyNorJudgedOpByOp() {
        assertEquals(List.of(), single("op.drop_table('old')", "raise NotImplementedError('one way')"));
    }

    // ---- irreversible

    @Test
    void createTableUndoneByDropTableIsFine() {
        assertEquals(List.of(), single("op.create_table('users', sa.Column('id', sa.Integer()))",
                "op.drop_table('users')"));
    }

    @Test
    void anUnmatchedUpgradeOpIsReportedOnItsMethodName() {
        String t = text("a1", "None", """
                op.create_table('users', sa.Column('id', sa.Integer()))
                op.add_column('orders', sa.Column('note', sa.Text()))""", "op.drop_table('users')");
        List<Finding> fs = AlembicHistory.checkFile(entry("a1", t).file());
        assertEquals(List.of("alembic-irreversible"), rules(fs));
        assertEquals("add_column", at(t, fs.get(0)));
        assertEquals(t.indexOf("add_column"), fs.get(0).range().start());
        assertTrue(fs.get(0).message().contains("orders.note") && fs.get(0).message().contains("drop_column"),
                fs.get(0).message());
    }

    @Test
    void inversesMustNameTheSameObject() {
        List<Finding> fs = single("op.create_index(op.f('ix_a_x'), 'a', ['x'])", "op.drop_index('ix_a_y', table_name='a')");
        assertEquals(List.of("alembic-irreversible"), rules(fs));
        assertEquals(List.of(), single("op.create_index(op.f('ix_a_x'), 'a', ['x'])",
                "op.drop_index(op.f('ix_a_x'), table_name='a')"));
        assertEquals(List.of(), single("op.add_column('t', sa.Column('c', sa.Text()))", "op.drop_column('t', 'c')"));
        assertEquals(1, single("op.add_column('t', sa.Column('c', sa.Text()))", "op.drop_column('u', 'c')").size());
    }

    @Test
    void dropsInUpgradeNeedTheCreateInDowngrade() {
        assertEquals(List.of(), single("op.drop_column('t', 'c')", "op.add_column('t', sa.Column('c', sa.Text()))"));
        assertEquals(List.of(), single("op.drop_table('t')", "op.create_table('t', sa.Column('id', sa.Integer()))"));
        assertEquals(List.of(), single("op.drop_constraint('fk_a_b', 'a', type_='foreignkey')",
                "op.create_foreign_key('fk_a_b', 'a', 'b', ['b_id'], ['id'])"));
        assertEquals(List.of("alembic-irreversible"), rules(single("op.drop_index('ix_t_c', table_name='t')",
                "op.drop_column('t', 'c')")));
    }

    @Test
    void constraintsAreMatchedByName() {
        assertEquals(List.of(), single("""
                op.create_unique_constraint('uq_a', 'a', ['x'])
                op.create_check_constraint('ck_a', 'a', 'x > 0')
                op.create_primary_key('pk_a', 'a', ['id'])""", """
                op.drop_constraint('pk_a', 'a', type_='primary')
                op.drop_constraint('ck_a', 'a', type_='check')
                op.drop_constraint('uq_a', 'a', type_='unique')"""));
        assertEquals(1, single("op.create_unique_constraint('uq_a', 'a', ['x'])",
                "op.drop_constraint('uq_b', 'a', type_='unique')").size());
    }

    @Test
    void renameTableIsUndoneByTheReverseRename() {
        assertEquals(List.of(), single("op.rename_table('old', 'new')", "op.rename_table('new', 'old')"));
        assertEquals(1, single("op.rename_table('old', 'new')", "op.rename_table('old', 'new')").size());
    }

    @Test
    void alterColumnIsUndoneByAnAlterOfTheSameColumnIncludingRenames() {
        assertEquals(List.of(), single("op.alter_column('t', 'c', nullable=False)", "op.alter_column('t', 'c', nullable=True)"));
        assertEquals(List.of(), single("op.alter_column('t', 'a', new_column_name='b')",
                "op.alter_column('t', 'b', new_column_name='a')"));
        assertEquals(1, single("op.alter_column('t', 'c', nullable=False)", "op.alter_column('t', 'd', nullable=True)").size());
    }

    @Test
    void batchOpsMatchThroughTheirBatchTable() {
        assertEquals(List.of(), single("""
                with op.batch_alter_table('users') as batch_op:
                    batch_op.add_column(sa.Column('email', sa.String()))
                    batch_op.create_index('ix_users_email', ['email'])
                    batch_op.create_foreign_key('fk_users_org', 'orgs', ['org_id'], ['id'])""", """
                op.drop_index('ix_users_email', table_name='users')
                with op.batch_alter_table('users') as batch_op:
                    batch_op.drop_constraint('fk_users_org', type_='foreignkey')
                    batch_op.drop_column('email')"""));
        List<Finding> fs = single("""
                with op.batch_alter_table('users') as b:
                    b.add_column(sa.Column('email', sa.String()))""", """
                with op.batch_alter_table('accounts') as b:
                    b.drop_column('email')""");
        assertEquals(List.of("alembic-irreversible"), rules(fs));
    }

    @Test
    void droppingTheTableUndoesWhatWasAddedToIt() {
        assertEquals(List.of(), single("""
                op.create_table('t', sa.Column('id', sa.Integer()))
                op.create_index('ix_t_id', 't', ['id'])""", "op.drop_table('t')"));
    }

    @Test
    void renamesLaterInUpgradeAreFollowed() {
        // add new_id, rename it to id, key it: dropping id in downgrade undoes all three.
        assertEquals(List.of(), single("""
                op.add_column('user', sa.Column('new_id', sa.Uuid()))
                op.alter_column('user', 'new_id', nullable=False)
                op.drop_column('user', 'id')
                op.alter_column('user', 'new_id', new_column_name='id')
                op.create_primary_key('user_pkey', 'user', ['id'])""", """
                op.add_column('user', sa.Column('old_id', sa.Integer()))
                op.drop_column('user', 'id')
                op.alter_column('user', 'old_id', new_column_name='id')
                op.create_primary_key('user_pkey', 'user', ['id'])"""));
    }

    @Test
    void renamesEarlierInDowngradeAreFollowed() {
        assertEquals(List.of(), single("""
                op.drop_constraint('prompt_chat_id_fkey', 'prompt', type_='foreignkey')
                op.drop_column('prompt', 'chat_id')
                op.rename_table('prompt', 'runbook')""", """
                op.rename_table('runbook', 'prompt')
                op.add_column('prompt', sa.Column('chat_id', sa.Uuid()))
                op.create_foreign_key('prompt_chat_id_fkey', 'prompt', 'chat', ['chat_id'], ['id'])"""));
    }

    @Test
    void anIndexCreatedAndDroppedWithinUpgradeNeedsNoInverse() {
        assertEquals(List.of(), single("""
                op.create_index('ix_tmp', 'logins', ['ip'])
                op.alter_column('logins', 'ip_id', nullable=False)
                op.drop_index('ix_tmp', 'logins')""", "op.alter_column('logins', 'ip_id', nullable=True)"));
    }

    @Test
    void droppingAColumnUndoesItsAlterAndTheConstraintsOnIt() {
        assertEquals(List.of(), single("""
                op.add_column('r', sa.Column('v', sa.Boolean(), nullable=True))
                op.execute('UPDATE r SET v = false')
                op.alter_column('r', 'v', nullable=False)
                op.create_unique_constraint('uq_r_v', 'r', ['k', 'v'])""", "op.drop_column('r', 'v')"));
    }

    @Test
    void literalSqlNamingTheObjectCountsAsTheInverse() {
        assertEquals(List.of(), single("op.create_index('ix_t_c', 't', ['c'])", "op.execute('DROP INDEX ix_t_c')"));
        assertEquals(1, single("op.create_index('ix_t_c', 't', ['c'])", "op.execute('DROP INDEX ix_t_cc')").size());
    }

    @Test
    void executeInUpgradeIsNotJudgedAndRuntimeSqlInDowngradeStopsTheComparison() {
        assertEquals(List.of(), single("op.execute('CREATE EXTENSION x')", "op.drop_table('unrelated')"));
        List<Finding> fs = single("op.create_table('t')", "op.execute(DROP_SQL)");
        assertEquals(List.of("alembic-unanalysable-sql"), rules(fs));
    }

    @Test
    void irreversibleIsLeftToEmptyDowngradeWhenDowngradeIsEmpty() {
        assertEquals(List.of("alembic-empty-downgrade"), rules(single("op.create_table('t')\nop.add_column('u', sa.Column('c'))", "pass")));
    }

    // ---- unanalysable SQL

    @Test
    void nonLiteralSqlIsReportedOnTheCallAsInfo() {
        String t = text("a1", "None", """
                op.execute(f"UPDATE {TABLE} SET x = 1")
                op.execute("UPDATE t SET x = 1")
                conn = op.get_bind()
                conn.execute(sa.text(QUERY))
                op.execute(users.update().values(x=1))""", "pass");
        List<Finding> fs = ofRule(AlembicHistory.checkFile(entry("a1", t).file()), "alembic-unanalysable-sql");
        assertEquals(List.of("op.execute(f\"UPDATE {TABLE} SET x = 1\")", "conn.execute(sa.text(QUERY))",
                "op.execute(users.update().values(x=1))"), fs.stream().map(f -> at(t, f)).toList());
        assertTrue(fs.stream().allMatch(f -> f.severity() == Severity.INFO
                && f.message().contains("cannot check SQL built at run time")));
        assertTrue(fs.get(0).message().contains("f-string") && fs.get(1).message().contains("QUERY"));
    }

    @Test
    void everyFindingCarriesItsRuleHelp() {
        for (Rule r : Rules.ALL) {
            if (r instanceof RevisionRule || r instanceof HistoryRule) {
                assertTrue(r.id().startsWith("alembic-") && r.info().help().length() > 40 && !r.info().summary().endsWith("."));
            }
        }
        Finding f = single("op.drop_table('t')", "pass").get(0);
        assertEquals(new AlembicEmptyDowngrade().info().help(), f.help());
    }
}
