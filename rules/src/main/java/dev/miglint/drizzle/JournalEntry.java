package dev.miglint.drizzle;

import dev.miglint.text.Span;

import java.util.OptionalLong;

/**
 * One object of {@code meta/_journal.json}'s {@code entries}.
 *
 * @param version the drizzle snapshot format the entry was generated with ("5", "6", "7"); may be null
 * @param when    milliseconds since the epoch; drizzle's migrator stores it as {@code created_at}
 * @param tag     the migration's name: {@code <tag>.sql} (0.x) or {@code <tag>/migration.sql}
 * @param span    the entry's {@code {…}} in the journal text
 * @param whenSpan the {@code when} value, or the entry's span when there is none
 */
public record JournalEntry(int idx, String version, OptionalLong when, String tag, boolean breakpoints,
                           Span span, Span whenSpan) {
}
