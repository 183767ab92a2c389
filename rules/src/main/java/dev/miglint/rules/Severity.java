package dev.miglint.rules;

import java.util.Locale;

public enum Severity {
    ERROR, WARNING, INFO;

    /** "error", "warning", "info": the spelling of reports and configuration. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
