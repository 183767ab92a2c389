package dev.miglint.project;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceTextTest {

    @Test
    void validUtf8IsDecodedWithItsBomDropped() {
        SourceText s = SourceText.decode("\uFEFFCREATE TABLE café (id int); -- ✓".getBytes(StandardCharsets.UTF_8));
        assertEquals("CREATE TABLE café (id int); -- ✓", s.text());
        assertNull(s.problem());
    }

    @Test
    void aRealReplacementCharacterIsKept() {
        SourceText s = SourceText.decode("SELECT '\uFFFD';".getBytes(StandardCharsets.UTF_8));
        assertEquals("SELECT '\uFFFD';", s.text());
    }

    @Test
    void anInvalidByteGivesAProblemInsteadOfReplacementCharacters() {
        byte[] latin1 = "SELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1);
        SourceText s = SourceText.decode(latin1);
        assertNull(s.text());
        assertTrue(s.problem().contains("not UTF-8"), s.problem());
    }

    @Test
    void aTextWithNulBytesIsDeclinedAsBinary() {
        SourceText s = SourceText.decode(new byte[] {'a', 0, 'b'});
        assertNull(s.text());
        assertTrue(s.problem().startsWith("binary file"), s.problem());
    }
}
