package dev.miglint.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of a migration file as strict UTF-8, or why it has none. Never throws: a front end
 * returns what it understood plus problems (STYLE.md).
 *
 * @param text    the text without a BOM, or null
 * @param problem why there is no text, or null
 */
public record SourceText(String text, String problem) {

    public static SourceText read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            return new SourceText(null, "cannot read " + path + ": " + e.getMessage());
        }
        return decode(bytes);
    }

    /** Strict UTF-8: a file with an invalid byte gets a problem instead of replacement characters. */
    public static SourceText decode(byte[] bytes) {
        // The lenient decoder is several times faster; only a text with a replacement character in it
        // (an invalid byte, or a real U+FFFD) needs the strict one to tell which.
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return of(lenient);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new SourceText(null, "not UTF-8 text: convert the file to UTF-8 to have it checked");
        }
        return of(text);
    }

    /** Text from an editor or a file: declined when binary; a BOM is dropped, as editors do. */
    public static SourceText of(String text) {
        if (text.indexOf('\0') >= 0) {
            return new SourceText(null, "binary file (it contains NUL bytes): not a SQL migration");
        }
        return new SourceText(!text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text, null);
    }
}
