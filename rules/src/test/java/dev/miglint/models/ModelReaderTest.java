package dev.miglint.models;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelReaderTest {

    private static ModelColumn column(ModelTable t, String name) {
        return t.columns().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + name + " in " + names(t)));
    }

    private static List<String> names(ModelTable t) {
        return t.columns().stream().map(ModelColumn::name).toList();
    }

    private static ModelTable only(ModelFile f) {
        assertEquals(1, f.tables().size(), () -> f.tables().toString());
        return f.tables().get(0);
    }

    @Test
    void sqlModelTableTakesTheLowerCasedClassNameAndItsFields() {
        String text = """
                from sqlmodel import Field, SQLModel

                class Hero(SQLModel, table=True):
                    id: int | None = Field(default=None, primary_key=True)
                    name: str
                    secret_name: str = Field(index=True, unique=True, max_length=255)
                    age: Optional[int] = None
                """;
        ModelFile f = ModelReader.read(text);
        ModelTable hero = only(f);
        assertEquals("Hero", hero.className());
        assertEquals("hero", hero.tableName());
        assertEquals("Hero", hero.classNameSpan().text(text));
        assertEquals(List.of("id", "name", "secret_name", "age"), names(hero));
        ModelColumn id = column(hero, "id");
        assertTrue(id.primaryKey());
        assertEquals(false, id.nullable());
        assertEquals("int | None", id.pythonType());
        assertEquals("int | None", id.typeSpan().text(text));
        assertEquals("id", id.nameSpan().text(text));
        assertEquals("id: int | None = Field(default=None, primary_key=True)", id.span().text(text));
        assertEquals(false, column(hero, "name").nullable());
        assertTrue(column(hero, "secret_name").index());
        assertTrue(column(hero, "secret_name").unique());
        assertEquals(true, column(hero, "age").nullable());
        assertTrue(f.problems().isEmpty(), f.problems().toString());
    }

    @Test
    void onlyTableTrueClassesAreTables() {
        ModelFile f = ModelReader.read("""
                class HeroCreate(SQLModel):
                    name: str

                class Hero(SQLModel, table=False):
                    name: str
                """);
        assertTrue(f.tables().isEmpty());
        assertEquals("HeroCreate", f.firstClass().text("""
                class HeroCreate(SQLModel):
                    name: str

                class Hero(SQLModel, table=False):
                    name: str
                """));
    }

    @Test
    void tablenameOverridesTheDefault() {
        ModelTable t = only(ModelReader.read("""
                class SAMLRequestData(SQLModel, table=True):
                    __tablename__: str = "saml_request_data"
                    id: str = Field(primary_key=True)
                """));
        assertEquals("saml_request_data", t.tableName());
        assertEquals(List.of("id"), names(t));
    }

    @Test
    void fieldForeignKeyIndexUniqueAndNullableAreRead() {
        ModelColumn c = only(ModelReader.read("""
                class Hero(SQLModel, table=True):
                    team_id: Optional[uuid.UUID] = Field(foreign_key="team.id", index=True, unique=True,
                                                         nullable=False, max_length=255)
                """)).columns().get(0);
        assertEquals("team.id", c.foreignKey());
        assertTrue(c.index());
        assertTrue(c.unique());
        assertEquals(false, c.nullable());
        assertFalse(c.primaryKey());
        assertEquals("uuid.UUID", PyAnnotation.of(c.pythonType()).core());
    }

    @Test
    void saColumnGivesNameTypeFlagsAndForeignKey() {
        String text = """
                class Secret(SQLModel, table=True):
                    owner_id: OwnerID = Field(
                        sa_column=Column(UUID, ForeignKey("workspace.id", ondelete="CASCADE"), nullable=False)
                    )
                    user_id: UUID4 | None = Field(sa_column=sa.Column("user", sa.ForeignKey("user.id")))
                    settings: dict = Field(default_factory=dict, sa_column=Column(JSONB))
                """;
        ModelTable t = only(ModelReader.read(text));
        assertEquals(List.of("owner_id", "user", "settings"), names(t));
        assertEquals("workspace.id", column(t, "owner_id").foreignKey());
        assertEquals(false, column(t, "owner_id").nullable());
        assertEquals("user.id", column(t, "user").foreignKey());
        assertEquals("user_id", column(t, "user").nameSpan().text(text));
        assertEquals(true, column(t, "settings").nullable());
    }

    @Test
    void relationshipsClassVarsAndPrivateAttributesAreNotColumns() {
        ModelTable t = only(ModelReader.read("""
                class Team(SQLModel, table=True):
                    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
                    heroes: list["Hero"] = Relationship(back_populates="team")
                    kind: ClassVar[str] = "team"
                    other: typing.ClassVar[int] = 1
                    _cache: dict = {}
                    model_config = ConfigDict(extra="allow")
                    plain = 3

                    @property
                    def label(self) -> str:
                        x: int = 1
                        return "t"
                """));
        assertEquals(List.of("id"), names(t));
    }

    @Test
    void fieldsOfANonTableBaseAreInherited() {
        ModelFile f = ModelReader.read("""
                class UserBase(SQLModel):
                    email: str = Field(unique=True, index=True)

                class UserCreate(UserBase):
                    password: str

                class User(UserBase, table=True):
                    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
                """);
        ModelTable user = only(f);
        assertEquals("user", user.tableName());
        assertEquals(List.of("email", "id"), names(user));
        assertTrue(user.complete());
    }

    @Test
    void mixinsAreInheritedAndAnOutsideBaseMakesTheTableIncomplete() {
        ModelFile f = ModelReader.read("""
                class TimestampMixin(BaseModel):
                    created_at: datetime = Field(default_factory=datetime.now)

                class Resource(SQLModel, TimestampMixin):
                    surrogate_id: int | None = Field(default=None, primary_key=True)

                class Workflow(Resource, table=True):
                    id: uuid.UUID

                class User(SQLModelBaseUserDB, table=True):
                    first_name: str | None = None
                """);
        assertEquals(2, f.tables().size(), f.tables()::toString);
        ModelTable workflow = f.tables().get(0);
        assertEquals(List.of("created_at", "surrogate_id", "id"), names(workflow));
        ModelTable user = f.tables().get(1);
        assertEquals(List.of("SQLModelBaseUserDB"), user.unknownBases());
        assertFalse(user.complete());
        assertTrue(f.problems().stream().anyMatch(p -> p.message().contains("SQLModelBaseUserDB")));
    }

    @Test
    void sqlAlchemy2MappedColumns() {
        String text = """
                class Base(DeclarativeBase):
                    pass

                class User(Base):
                    __tablename__ = "users"
                    id: Mapped[int] = mapped_column(primary_key=True)
                    name: Mapped[str] = mapped_column(String(50))
                    nickname: Mapped[Optional[str]]
                    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teams.id"), index=True)
                    db_name: Mapped[str | None] = mapped_column("legacy_name", String)
                    team: Mapped["Team"] = relationship(back_populates="users")
                    label = "x"
                """;
        ModelTable t = only(ModelReader.read(text));
        assertEquals("users", t.tableName());
        assertEquals(List.of("id", "name", "nickname", "team_id", "legacy_name"), names(t));
        assertTrue(column(t, "id").primaryKey());
        assertEquals(false, column(t, "id").nullable());
        assertEquals(false, column(t, "name").nullable());
        assertEquals(true, column(t, "nickname").nullable());
        assertEquals("teams.id", column(t, "team_id").foreignKey());
        assertTrue(column(t, "team_id").index());
        assertEquals(true, column(t, "legacy_name").nullable());
        assertEquals("Mapped[int]", column(t, "id").pythonType());
    }

    @Test
    void sqlAlchemy1Columns() {
        ModelTable t = only(ModelReader.read("""
                Base = declarative_base()

                class Address(Base):
                    __tablename__ = 'addresses'
                    id = Column(Integer, primary_key=True)
                    email = sa.Column(sa.String(120), nullable=False, unique=True)
                    user_id = Column(Integer, ForeignKey('users.id'))
                    _password = Column("password", String)
                    user = relationship("User")
                """));
        assertEquals(List.of("id", "email", "user_id", "password"), names(t));
        assertNull(column(t, "id").pythonType());
        assertEquals(false, column(t, "email").nullable());
        assertTrue(column(t, "email").unique());
        assertEquals(true, column(t, "user_id").nullable());
        assertEquals("users.id", column(t, "user_id").foreignKey());
    }

    @Test
    void sqlAlchemyAbstractAndUnnamedClassesAreNotTables() {
        ModelFile f = ModelReader.read("""
                class Stamped(Base):
                    __abstract__ = True
                    __tablename__ = "never"
                    created = Column(DateTime)

                class Helper:
                    x = Column(Integer)
                """);
        assertTrue(f.tables().isEmpty());
    }

    @Test
    void onlyModuleLevelClassesAreRead() {
        ModelFile f = ModelReader.read("""
                def factory():
                    class Hidden(SQLModel, table=True):
                        id: int = Field(primary_key=True)
                    return Hidden
                """);
        assertTrue(f.tables().isEmpty());
    }

    @Test
    void whatIsNotUnderstoodIsAProblemNotAnException() {
        ModelFile f = ModelReader.read("""
                class Hero(SQLModel, table=True):
                    __tablename__ = NAME
                    id: int = Field(primary_key=flag, **extra)
                    team: int = Field(foreign_key=TEAM_ID)
                    data: dict = Field(sa_column=make_column())
                class (
                """);
        assertEquals(1, f.tables().size());
        List<String> messages = f.problems().stream().map(p -> p.message()).toList();
        assertTrue(messages.stream().anyMatch(m -> m.contains("__tablename__")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("primary_key=")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("unpacked")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("foreign_key=")), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.contains("sa_column")), messages::toString);
    }

    @Test
    void oneLineBodiesAndSemicolonsAreRead() {
        ModelTable t = only(ModelReader.read("class Tag(SQLModel, table=True): id: uuid.UUID; name: str\n"));
        assertEquals(List.of("id", "name"), names(t));
    }

    @Test
    void annotationsUnwrapMappedOptionalUnionAndQuotes() {
        assertEquals(new PyAnnotation("int", true, true), PyAnnotation.of("Mapped[Optional[int]]"));
        assertEquals(new PyAnnotation("str", true, false), PyAnnotation.of("None | str"));
        assertEquals(new PyAnnotation("int", true, false), PyAnnotation.of("typing.Union[int, None]"));
        assertEquals(new PyAnnotation("User", false, false), PyAnnotation.of("\"User\""));
        assertEquals(new PyAnnotation("int|str", false, false), PyAnnotation.of("int | str"));
        assertEquals(new PyAnnotation("list[int]|dict[str,int]", false, false),
                PyAnnotation.of("list[int] | dict[str, int]"));
    }
}
