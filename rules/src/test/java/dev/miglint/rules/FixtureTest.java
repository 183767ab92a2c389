package dev.miglint.rules;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every rule fixture under {@code rules/src/test/resources/rules/<rule-id>/}, as {@link FixtureHarness} reads it. */
class FixtureTest {

    static Stream<Named<Path>> fixtures() throws IOException {
        List<Path> fixtures = FixtureHarness.fixtures(FixtureHarness.FIXTURES);
        assertFalse(fixtures.isEmpty(), "no fixtures under " + FixtureHarness.FIXTURES);
        return fixtures.stream().map(p -> Named.of(FixtureHarness.FIXTURES.relativize(p).toString(), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureFindsExactlyWhatItsMarkersSay(Path fixture) throws IOException {
        FixtureHarness.check(fixture);
    }

    static Stream<Named<Path>> projectFixtures() throws IOException {
        return FixtureHarness.projectFixtures(FixtureHarness.FIXTURES).stream()
                .map(p -> Named.of(FixtureHarness.FIXTURES.relativize(p) + "/", p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projectFixtures")
    void projectFixtureFindsExactlyWhatItsMarkersAndListSay(Path project) throws IOException {
        FixtureHarness.checkProject(project);
    }

    @Test
    void everyFileInAFixtureFolderIsAFixtureOrItsFixedTwin() throws IOException {
        assertEquals(List.of(), FixtureHarness.strayFiles(FixtureHarness.FIXTURES));
    }
}
