package dev.miglint.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The {@code miglint} command line. Exit codes: 0 clean, 1 error findings, 2 usage or I/O error. */
public final class Main {

    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;

    static final String VERSION = "0.1.0";

    private static final String USAGE_TEXT = """
            usage: miglint <command> [options]

            commands:
              check <paths…> [--format text|json]     report unsafe statements (exit 1 on errors)
              inspect <paths…> [--format text|json]   show how each statement was understood
              rules                                   list the rules
              --version                               print the version
            """;

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        int code = run(Arrays.asList(args), out, System.err);
        out.flush();
        System.exit(code);
    }

    static int run(List<String> args, PrintWriter out, PrintStream err) {
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
                case "check" -> CheckCommand.run(Options.parse(rest), out, err);
                case "inspect" -> InspectCommand.run(Options.parse(rest), out);
                case "rules" -> RulesCommand.run(out);
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

    /** Paths and flags shared by check and inspect. */
    record Options(List<String> paths, String format) {

        static Options parse(List<String> args) throws SourceFiles.UsageError {
            String format = "text";
            List<String> paths = new java.util.ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--format") || a.equals("-f")) {
                    if (i + 1 >= args.size()) {
                        throw new SourceFiles.UsageError("--format needs a value: text or json");
                    }
                    format = args.get(++i);
                } else if (a.startsWith("--format=")) {
                    format = a.substring("--format=".length());
                } else if (a.startsWith("-") && !a.equals("-")) {
                    throw new SourceFiles.UsageError("unknown option " + a);
                } else {
                    paths.add(a);
                }
            }
            if (!format.equals("text") && !format.equals("json")) {
                throw new SourceFiles.UsageError("unknown format '" + format + "': use text or json");
            }
            if (paths.isEmpty()) {
                throw new SourceFiles.UsageError("no paths given (try: miglint check migrations/)");
            }
            return new Options(List.copyOf(paths), format);
        }
    }
}
