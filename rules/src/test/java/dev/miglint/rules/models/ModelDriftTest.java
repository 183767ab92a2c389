package dev.miglint.rules.models;

import dev.miglint.models.ModelReader;
import dev.miglint.project.AlembicReplay;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Severity;
import dev.miglint.schema.SchemaModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelDriftTest {

    private static final Set<String> ALL = Set.of(ModelDrift.MODEL_WITHOUT_MIGRATION,
            ModelDrift.MIGRATION_WITHOUT_MODEL, ModelDrift.REQUIRE_UUID_KEYS);

    private static final String FIRST = """
            revision = "a1"
            down_revision = None

            def upgrade():
                op.create_table(
                    "team",
                    sa.Column("id", sa.Uuid(), nullable=False),
                    sa.Column("name", sa.String(), nullable=False),
                    sa.PrimaryKeyConstraint("id"),
                )
                op.create_table(
                    "hero",
                    sa.Column("id", sa.Uuid(), nullable=False),
                    sa.Column("name", sa.String(), nullable=False),
                    sa.Column("team_id", sa.Uuid(), nullable=True),
                    sa.PrimaryKeyConstraint("id"),
                )
            """;
    private static final String SECOND = """
            revision = "b2"
            down_revision = "a1"

            def upgrade():
                op.add_column("hero", sa.Column("legacy", sa.Text(), nullable=True))
                op.create_table("audit_log", sa.Column("id", sa.Uuid(), primary_key=True))
            """;

    private static SchemaModel migrated() {
        return AlembicReplay.replay(Map.of(Path.of("versions/a1.py"), FIRST, Path.of("versions/b2.py"), SECOND));
    }

    private static List<Finding> check(String models, Set<String> rules) {
        return ModelDrift.check(Path.of("app/models.py"), ModelReader.read(models), migrated(), rules);
    }

    private static String at(Finding f, String text) {
        return f.rule() + " " + f.range().text(text);
    }

    @Test
    void modelsMatchingTheMigrationsGiveNoDriftFindings() {
        String text = """
                class Team(SQLModel, table=True):
                    id: uuid.UUID = Field(primary_key=True)
                    name: str

                class Hero(SQLModel, table=True):
                    id: uuid.UUID = Field(primary_key=True)
                    NAME: str
                    team_id: uuid.UUID | None = Field(foreign_key="team.id")
                    legacy: str | None = None

                class AuditLog(SQLModel, table=True):
                    __tablename__ = "audit_log"
                    id: uuid.UUID = Field(primary_key=True)
                """;
        assertEquals(List.of(), check(text, ALL));
    }

    @Test
    void aTableOrColumnNoMigrationCreatesIsReportedOnTheClassOrField() {
        String text = """
                class Team(SQLModel, table=True):
                    id: uuid.UUID = Field(primary_key=True)
                    name: str
                    motto: str | None = None

                class Villain(SQLModel, table=True):
                    id: uuid.UUID = Field(primary_key=True)
                """;
        List<Finding> found = check(text, Set.of(ModelDrift.MODEL_WITHOUT_MIGRATION));
        assertEquals(List.of("model-without-migration motto", "model-without-migration Villain"),
                found.stream().map(f -> at(f, text)).toList());
        assertTrue(found.stream().allMatch(f -> f.severity() == Severity.WARNING));
        assertTrue(found.stream().allMatch(f -> f.message().endsWith("run `alembic revision --autogenerate`")));
        assertTrue(found.get(1).message().contains("`villain`"), found.get(1).message());
    }

    @Test
    void migratedTablesAndColumnsNoModelDeclaresAreInfoOnTheClasses() {
        String text = """
                class Base(SQLModel):
                    pass

                class Hero(SQLModel, table=True):
                    id: uuid.UUID = Field(primary_key=True)
                    name: str
                    team_id: uuid.UUID | None = Field(foreign_key="team.id")
                """;
        List<Finding> found = check(text, Set.of(ModelDrift.MIGRATION_WITHOUT_MODEL));
        assertEquals(List.of("migration-without-model Hero", "migration-without-model Hero",
                "migration-without-model Hero"), found.stream().map(f -> at(f, text)).toList());
        List<String> messages = found.stream().map(Finding::message).sorted().toList();
        assertTrue(messages.get(0).contains("`hero.legacy`"), messages::toString);
        assertTrue(messages.get(1).contains("`audit_log`"), messages::toString);
        assertTrue(messages.get(2).contains("`team`"), messages::toString);
        assertTrue(found.stream().allMatch(f -> f.severity() == Severity.INFO));
    }

    @Test
    void aTableWithAnImportedBaseIsNotBlamedForColumnsItMayInherit() {
        String text = """
                class Hero(HeroBaseFromElsewhere, table=True):
                    id: uuid.UUID = Field(primary_key=True)
                """;
        List<Finding> found = check(text, Set.of(ModelDrift.MIGRATION_WITHOUT_MODEL));
        assertTrue(found.stream().noneMatch(f -> f.message().contains("hero.")), found::toString);
    }

    @Test
    void intAndStrKeysAreReportedOnTheAnnotation() {
        String text = """
                class Hero(SQLModel, table=True):
                    id: int | None = Field(default=None, primary_key=True)
                    team_id: Optional[str] = Field(foreign_key="team.id")
                    name: str
                    ok_id: uuid.UUID = Field(foreign_key="team.id")

                class Team(Base):
                    __tablename__ = "team"
                    id: Mapped[int] = mapped_column(primary_key=True)
                    legacy_id = Column(Integer, primary_key=True)
                """;
        List<Finding> found = check(text, Set.of(ModelDrift.REQUIRE_UUID_KEYS));
        assertEquals(List.of("require-uuid-keys int | None", "require-uuid-keys Optional[str]",
                "require-uuid-keys Mapped[int]"), found.stream().map(f -> at(f, text)).toList());
        assertTrue(found.get(0).message().contains("Primary key `id`"), found.get(0).message());
        assertTrue(found.get(1).message().contains("Foreign key `team_id`"), found.get(1).message());
        assertTrue(found.stream().allMatch(f -> f.fixes().isEmpty()));
    }

    @Test
    void anInheritedKeyFieldIsReportedOnce() {
        String text = """
                class Resource(SQLModel):
                    surrogate_id: int | None = Field(default=None, primary_key=True)

                class Team(Resource, table=True):
                    name: str

                class Hero(Resource, table=True):
                    name: str
                """;
        assertEquals(1, check(text, Set.of(ModelDrift.REQUIRE_UUID_KEYS)).size());
    }

    @Test
    void disabledRulesReportNothing() {
        assertEquals(List.of(), check("class Villain(SQLModel, table=True):\n    id: int = Field(primary_key=True)\n",
                Set.of()));
    }
}
