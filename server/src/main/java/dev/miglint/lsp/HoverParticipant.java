package dev.miglint.lsp;

/**
 * One kind of hover content. The participants' Markdown is joined; statement locks and table or
 * column definitions (the workspace index) plug in here beside {@link FindingHovers}.
 */
interface HoverParticipant {

    /** Markdown for the hover at {@code offset}, or null when this participant has nothing to say. */
    String hover(DocumentAnalysis analysis, int offset);
}
