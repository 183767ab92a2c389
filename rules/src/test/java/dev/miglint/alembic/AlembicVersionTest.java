package dev.miglint.alembic;

import dev.miglint.alembic.AlembicVersion.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlembicVersionTest {

    @TempDir
    Path root;

    /** root/app/alembic/versions/0001_init.py, the file detection starts from. */
    private Path revision() throws IOException {
        Path versions = Files.createDirectories(root.resolve("app/alembic/versions"));
        return Files.writeString(versions.resolve("0001_init.py"), "revision = '1'\n");
    }

    private void write(String relative, String text) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static Optional<Version> v(int major, int minor, int patch) {
        return Optional.of(new Version(major, minor, patch));
    }

    @Test
    void parsesReleasesAndDropsPreReleaseTags() {
        assertEquals(v(1, 13, 2), AlembicVersion.parse("1.13.2"));
        assertEquals(v(1, 13, 0), AlembicVersion.parse("1.13"));
        assertEquals(v(1, 16, 0), AlembicVersion.parse("1.16.0rc1"));
        assertEquals(Optional.empty(), AlembicVersion.parse("latest"));
        assertEquals(Optional.empty(), AlembicVersion.parse("99999999999.1"));
        assertTrue(new Version(1, 13, 3).atLeast("1.13.3"));
        assertFalse(new Version(1, 13, 2).atLeast("1.13.3"));
        assertTrue(new Version(2, 0, 0).atLeast("1.16"));
        assertFalse(new Version(2, 0, 0).atLeast("garbage"));
    }

    @Test
    void ifExistsSupportFollowsTheReleaseThatAddedIt() {
        Version v112 = new Version(1, 12, 0);
        Version v1133 = new Version(1, 13, 3);
        Version v116 = new Version(1, 16, 0);
        assertTrue(AlembicVersion.supportsIfExists("create_index", v112));
        assertFalse(AlembicVersion.supportsIfExists("create_index", new Version(1, 11, 3)));
        assertFalse(AlembicVersion.supportsIfExists("create_table", new Version(1, 13, 2)));
        assertTrue(AlembicVersion.supportsIfExists("drop_table", v1133));
        assertFalse(AlembicVersion.supportsIfExists("add_column", v1133));
        assertTrue(AlembicVersion.supportsIfExists("drop_constraint", v116));
        assertTrue(AlembicVersion.supportsIfExists("drop_column", v116));
        assertFalse(AlembicVersion.supportsIfExists("alter_column", v116));
    }

    @Test
    void requirementsTxtPinsAndRanges() throws IOException {
        Path rev = revision();
        write("requirements.txt", "# deps\nSQLAlchemy==2.0.30\nalembic-utils==0.8.2\nalembic==1.13.1  # pinned\n");
        assertEquals(v(1, 13, 1), AlembicVersion.detect(rev));
        write("requirements.txt", "Alembic[tz] >= 1.12, <2 ; python_version >= '3.8'\n");
        assertEquals(v(1, 12, 0), AlembicVersion.detect(rev));
        write("requirements.txt", "alembic~=1.16.0\n");
        assertEquals(v(1, 16, 0), AlembicVersion.detect(rev));
        write("requirements.txt", "alembic<2\n");
        assertEquals(Optional.empty(), AlembicVersion.detect(rev));
    }

    @Test
    void requirementsFolderAndNamedVariantsAreRead() throws IOException {
        Path rev = revision();
        write("requirements/main.txt", "alembic==1.14.0\n");
        assertEquals(v(1, 14, 0), AlembicVersion.detect(rev));
        write("requirements-dev.txt", "alembic>=1.15.2\n");
        assertEquals(v(1, 15, 2), AlembicVersion.detect(rev));
    }

    @Test
    void pyprojectPep621AndPoetry() throws IOException {
        Path rev = revision();
        write("pyproject.toml", """
                [project]
                name = "app"
                dependencies = [
                    "fastapi>=0.110",
                    "alembic>=1.13,<2.0",  # migrations
                ]
                """);
        assertEquals(v(1, 13, 0), AlembicVersion.detect(rev));
        write("pyproject.toml", """
                [tool.poetry.dependencies]
                python = "^3.11"
                alembic = "^1.13.2"
                """);
        assertEquals(v(1, 13, 2), AlembicVersion.detect(rev));
        write("pyproject.toml", "[tool.poetry.dependencies]\nalembic = { version = \"~1.14\", extras = [\"tz\"] }\n");
        assertEquals(v(1, 14, 0), AlembicVersion.detect(rev));
    }

    @Test
    void poetryLockBeatsTheRangeInTheSameFolder() throws IOException {
        Path rev = revision();
        write("pyproject.toml", "[tool.poetry.dependencies]\nalembic = \"^1.12\"\n");
        write("poetry.lock", """
                [[package]]
                name = "sqlalchemy"
                version = "2.0.30"

                [[package]]
                name = "alembic"
                version = "1.13.2"
                description = "A database migration tool for SQLAlchemy."

                [package.dependencies]
                Mako = "*"
                """);
        assertEquals(v(1, 13, 2), AlembicVersion.detect(rev));
    }

    @Test
    void uvLockIsRead() throws IOException {
        Path rev = revision();
        write("requirements.txt", "alembic>=1.10\n");
        write("uv.lock", """
                version = 1
                requires-python = ">=3.10"

                [[package]]
                name = "app"
                version = "0.1.0"
                dependencies = [
                    { name = "alembic" },
                ]

                [[package]]
                name = "alembic"
                version = "1.16.1"
                source = { registry = "https://pypi.org/simple" }
                """);
        assertEquals(v(1, 16, 1), AlembicVersion.detect(rev));
    }

    @Test
    void theNearestFolderWinsAndTheSearchStopsAtTheRepositoryRoot() throws IOException {
        Path rev = revision();
        write("requirements.txt", "alembic==1.11.0\n");
        write("app/requirements.txt", "alembic==1.13.0\n");
        assertEquals(v(1, 13, 0), AlembicVersion.detect(rev));
        assertEquals(v(1, 13, 0), AlembicVersion.detect(rev.getParent()));

        Files.delete(root.resolve("app/requirements.txt"));
        Files.createDirectories(root.resolve("app/.git"));
        assertEquals(Optional.empty(), AlembicVersion.detect(rev));
    }

    @Test
    void nothingFoundIsEmpty() throws IOException {
        write("pyproject.toml", "[project]\ndependencies = [\"sqlalchemy\"]\n");
        assertEquals(Optional.empty(), AlembicVersion.detect(revision()));
    }
}
