package dev.miglint.lsp;

import dev.miglint.insight.Insights;

/**
 * On a table or column name its definition as replayed up to the statement and the file that
 * created it; anywhere else in a statement the lock it takes, whether it rewrites, whether it can be
 * re-run. The rule module's {@link Insights} writes the Markdown.
 */
final class InsightHovers implements HoverParticipant {

    @Override
    public String hover(DocumentAnalysis analysis, int offset) {
        if (analysis.file() == null || analysis.context() == null) {
            return null;
        }
        return Insights.hover(analysis.file(), analysis.context(), offset).map(Insights.Hover::markdown).orElse(null);
    }
}
