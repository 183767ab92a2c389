package dev.miglint.lsp;

/**
 * One kind of hover content, joined in order: {@link FindingHovers} first, then {@link InsightHovers}.
 */
interface HoverParticipant {

    /** Markdown for the hover at {@code offset}, or null when this participant has nothing to say. */
    String hover(DocumentAnalysis analysis, int offset);
}
