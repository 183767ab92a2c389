package dev.miglint.drizzle.schema;

import dev.miglint.text.Span;

import java.util.List;
import java.util.Map;

/**
 * The {@code import { … } from "drizzle-orm/pg-core"} of a file.
 *
 * @param braces the characters from {@code {} to {@code }}
 * @param names      local name → the pg-core export it names ({@code import { uuid as id }} gives id → uuid)
 * @param specifiers each {@code name} or {@code name as alias}, in import order
 */
public record PgCoreImport(Span braces, Map<String, String> names, List<Span> specifiers) {

    public PgCoreImport {
        names = Map.copyOf(names);
        specifiers = List.copyOf(specifiers);
    }

    /** The local name that imports {@code export}, or null. */
    public String localNameOf(String export) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(export)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }
}
