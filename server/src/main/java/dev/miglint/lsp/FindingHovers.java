package dev.miglint.lsp;

import dev.miglint.cli.RuleLinks;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Rule;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Rules;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** On a flagged range: each rule's summary, why it exists and the safe alternative, and its docs link. */
final class FindingHovers implements HoverParticipant {

    @Override
    public String hover(DocumentAnalysis analysis, int offset) {
        Set<String> seen = new LinkedHashSet<>();
        StringBuilder md = new StringBuilder();
        for (Finding f : analysis.findings()) {
            boolean on = f.range().start() <= offset && offset <= Math.max(f.range().end(), f.range().start());
            if (!on || !seen.add(f.rule())) {
                continue;
            }
            if (md.length() > 0) {
                md.append("\n\n---\n\n");
            }
            Optional<RuleInfo> info = Rules.byId(f.rule()).map(Rule::info);
            md.append("**miglint `").append(f.rule()).append("`**");
            info.ifPresent(i -> md.append(": ").append(i.summary()));
            md.append("\n\n").append(info.map(RuleInfo::help).orElse(f.help()));
            if (info.isPresent()) {
                md.append("\n\n[Docs](").append(RuleLinks.docsPage(f.rule())).append(")");
            }
        }
        return md.length() == 0 ? null : md.toString();
    }
}
