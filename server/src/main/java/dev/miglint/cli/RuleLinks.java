package dev.miglint.cli;

/** Where a rule's documentation lives online: SARIF's helpUri and the LSP's codeDescription share it. */
public final class RuleLinks {

    public static final String INFORMATION_URI = "https://github.com/miglint/miglint";

    private RuleLinks() {
    }

    /** The page {@code miglint explain} prints, on GitHub. */
    public static String docsPage(String ruleId) {
        return INFORMATION_URI + "/blob/main/docs/rules/" + ruleId + ".md";
    }
}
