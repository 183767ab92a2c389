package dev.miglint.cli;

import dev.miglint.rules.Rule;
import dev.miglint.rules.Rules;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code miglint} command line. Exit codes: 0 clean, 1 error findings, 2 usage or I/O error. */
public final class Main {

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;

    static final String VERSION = "0.1.0";

    private static final String USAGE_TEXT = """
            usage: miglint <command> [options]

            commands:
              check <paths…> [--format text|json|sarif|github] [--enable <rule>[,<rule>…]]
                    [--disable <rule>[,<rule>…]]
                                report unsafe statements (exit 1 on errors); --enable turns a
                                rule on at its default severity (e.g. an opt-in rule), --disable
                                turns it off; both win over .miglint.json
              fix <paths…> [--dry-run]
                                apply the quick fixes; --dry-run prints a unified diff instead
              inspect <paths…> [--format text|json]
                                show how each statement was understood
              rules             list the rules: id, category, default severity, fixable, summary
              explain <rule>    print a rule's documentation (Markdown)
              lsp [--stdio]     run the language server over stdin/stdout
              --version         print the version

            formats: text (path:line:col, default), json (miglint's own), sarif (SARIF 2.1.0),
                     github (GitHub Actions annotations)
            exit codes: 0 no error findings, 1 error findings, 2 usage or I/O error
            """;

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("lsp")) {
            // The server owns stdout for the protocol: nothing else may write there.
            System.exit(dev.miglint.lsp.LspMain.run(Arrays.asList(args).subList(1, args.length)));
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        int code = run(Arrays.asList(args), out, System.err);
        out.flush();
        System.exit(code);
    }

    public static int run(List<String> args, PrintWriter out, PrintStream err) {
        if (args.isEmpty()) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            out.print(USAGE_TEXT);
            return OK;
        }
        List<String> rest = args.subList(1, args.size());
        try {
            return switch (args.get(0)) {
                case "check" -> CheckCommand.run(Options.parse(rest, Reporter.FORMATS, false, true), out, err);
                case "fix" -> FixCommand.run(Options.parse(rest, List.of("text"), true), out, err);
                case "inspect" -> InspectCommand.run(Options.parse(rest, List.of("text", "json"), false), out);
                case "rules" -> RulesCommand.run(rest, out);
                case "explain" -> ExplainCommand.run(rest, out);
                case "__train" -> Training.run(out);
                case "--version", "version" -> {
                    out.println("miglint " + VERSION);
                    yield OK;
                }
                default -> throw new SourceFiles.UsageError("unknown command '" + args.get(0) + "' (try: miglint --help)");
            };
        } catch (SourceFiles.UsageError e) {
            out.flush();
            err.println("miglint: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException | StackOverflowError e) {
            // Our bug: one line for the user, never a stack trace.
            out.flush();
            err.println("miglint: internal error: " + e + " (please report it)");
            return USAGE;
        }
    }

    /**
     * Paths and flags shared by check, fix and inspect. {@code ruleLevels} holds what --enable and
     * --disable asked for (rule id → level, as in .miglint.json); empty for fix and inspect.
     */
    record Options(List<String> paths, String format, boolean dryRun, Map<String, String> ruleLevels) {

        static Options parse(List<String> args, List<String> formats, boolean fix) throws SourceFiles.UsageError {
            return parse(args, formats, fix, false);
        }

        /** @param ruleFlags accept --enable and --disable (check only) */
        static Options parse(List<String> args, List<String> formats, boolean fix, boolean ruleFlags)
                throws SourceFiles.UsageError {
            String format = "text";
            boolean dryRun = false;
            List<String> paths = new java.util.ArrayList<>();
            Map<String, String> ruleLevels = new LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (fix && a.equals("--dry-run")) {
                    dryRun = true;
                } else if (!fix && (a.equals("--format") || a.equals("-f"))) {
                    if (i + 1 >= args.size()) {
                        throw new SourceFiles.UsageError("--format needs a value: " + String.join(", ", formats));
                    }
                    format = args.get(++i);
                } else if (!fix && a.startsWith("--format=")) {
                    format = a.substring("--format=".length());
                } else if (ruleFlags && (a.equals("--enable") || a.equals("--disable"))) {
                    if (i + 1 >= args.size()) {
                        throw new SourceFiles.UsageError(a + " needs a rule id (see: miglint rules)");
                    }
                    putRules(a.equals("--enable"), args.get(++i), ruleLevels);
                } else if (ruleFlags && (a.startsWith("--enable=") || a.startsWith("--disable="))) {
                    putRules(a.startsWith("--enable="), a.substring(a.indexOf('=') + 1), ruleLevels);
                } else if (a.startsWith("-") && !a.equals("-")) {
                    throw new SourceFiles.UsageError("unknown option " + a);
                } else {
                    paths.add(a);
                }
            }
            if (!formats.contains(format)) {
                throw new SourceFiles.UsageError("unknown format '" + format + "': use "
                        + String.join(", ", formats.subList(0, formats.size() - 1)) + " or " + formats.get(formats.size() - 1));
            }
            if (paths.isEmpty()) {
                throw new SourceFiles.UsageError("no paths given (try: miglint " + (fix ? "fix" : "check") + " migrations/)");
            }
            return new Options(List.copyOf(paths), format, dryRun, Map.copyOf(ruleLevels));
        }

        /** Comma-separated rule ids: enabled at their default severity, or "off"; a later flag wins. */
        private static void putRules(boolean enable, String ids, Map<String, String> ruleLevels)
                throws SourceFiles.UsageError {
            for (String id : ids.split(",")) {
                String rule = id.strip();
                if (rule.isEmpty()) {
                    continue;
                }
                Optional<Rule> known = Rules.byId(rule);
                if (known.isEmpty()) {
                    throw new SourceFiles.UsageError("unknown rule '" + rule + "' (see: miglint rules)");
                }
                ruleLevels.put(rule, enable ? known.get().info().severity().label() : "off");
            }
        }
    }
}
