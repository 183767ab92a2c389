package dev.miglint.drizzle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrizzleJournalTest {

    private static final Path FILE = Path.of("meta/_journal.json");

    static final String JOURNAL = """
            {
              "version": "7",
              "dialect": "postgresql",
              "entries": [
                {
                  "idx": 0,
                  "version": "7",
                  "when": 1700000000000,
                  "tag": "0000_first",
                  "breakpoints": true
                },
                {"idx": 1, "version": "7", "when": 1700000000001, "tag": "0001_\\u0073econd", "breakpoints": false}
              ]
            }""";

    @Test
    void readsTheHeaderAndEveryEntry() {
        DrizzleJournal j = DrizzleJournal.read(FILE, JOURNAL);
        assertEquals("7", j.version());
        assertEquals("postgresql", j.dialect());
        assertEquals(2, j.entries().size());
        JournalEntry second = j.entries().get(1);
        assertEquals(1, second.idx());
        assertEquals("0001_second", second.tag(), "escapes are decoded");
        assertEquals(OptionalLong.of(1700000000001L), second.when());
        assertFalse(second.breakpoints());
        assertTrue(j.entries().get(0).breakpoints());
        assertTrue(j.problems().isEmpty());
    }

    @Test
    void eachEntrySpansItsBracesAndItsWhenValue() {
        DrizzleJournal j = DrizzleJournal.read(FILE, JOURNAL);
        JournalEntry first = j.entries().get(0);
        String text = first.span().text(JOURNAL);
        assertTrue(text.startsWith("{") && text.endsWith("}") && text.contains("\"0000_first\""), text);
        assertFalse(text.contains("0001"), text);
        assertEquals("1700000000000", first.whenSpan().text(JOURNAL));
        assertEquals("1700000000001", j.entries().get(1).whenSpan().text(JOURNAL));
        assertTrue(j.entriesSpan().text(JOURNAL).startsWith("[") && j.entriesSpan().text(JOURNAL).endsWith("]"));
    }

    @Test
    void aTagInsideAnotherValueDoesNotConfuseTheSpans() {
        String text = "{\"entries\": [{\"note\": \"\\\"tag\\\": \\\"0001_b\\\" }\", \"tag\": \"0000_a\", \"when\": 1},"
                + " {\"tag\": \"0001_b\", \"when\": 2}]}";
        DrizzleJournal j = DrizzleJournal.read(FILE, text);
        assertEquals("{\"tag\": \"0001_b\", \"when\": 2}", j.entries().get(1).span().text(text));
        assertEquals("2", j.entries().get(1).whenSpan().text(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"entries\": [}", "{\"entries\": [],}", "// c\n{\"entries\": []}",
            "{'entries': []}", "{\"entries\": []} x", "{\"entries\": [{\"tag\": \"a\nb\"}]}", "[1, 2]",
            "{\"entries\": {}}", "{\"entries\": [01]}"})
    void malformedJsonIsAProblemNotAnException(String text) {
        DrizzleJournal j = DrizzleJournal.read(FILE, text);
        assertEquals(1, j.problems().size(), () -> "one problem for " + text + ": " + j.problems());
        assertTrue(j.entries().isEmpty());
        assertTrue(j.problems().get(0).span().end() <= text.length());
    }

    @Test
    void anEntryWithoutATagIsLeftOutAsAProblem() {
        String text = "{\"entries\": [{\"when\": 1}, {\"tag\": \"0001_b\", \"when\": \"soon\"}]}";
        DrizzleJournal j = DrizzleJournal.read(FILE, text);
        assertEquals(1, j.entries().size());
        assertTrue(j.entries().get(0).when().isEmpty());
        assertEquals(2, j.problems().size(), j.problems().toString());
        assertEquals("\"soon\"", j.problems().get(1).span().text(text));
    }

    @Test
    void aDeeplyNestedTextIsAProblem() {
        String text = "[".repeat(5000) + "]".repeat(5000);
        assertEquals(1, DrizzleJournal.read(FILE, text).problems().size());
    }
}
