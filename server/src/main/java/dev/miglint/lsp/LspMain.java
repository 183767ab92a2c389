package dev.miglint.lsp;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** {@code miglint lsp}: the language server over stdin/stdout. */
public final class LspMain {

    private LspMain() {
    }

    /** Start-up spent compiling the per-keystroke code (see {@link Warmup}); cold start stays under a second. */
    static final long DEFAULT_WARMUP_MS = 800;
    private static final int MAX_WARMUP_EDITS = 2000;

    /** The server's end of the JSON-RPC connection, with miglint's fast diagnostic writer. */
    static Launcher<LanguageClient> launcher(MiglintLanguageServer server, InputStream in, OutputStream out) {
        return new LSPLauncher.Builder<LanguageClient>().setLocalService(server).setRemoteInterface(LanguageClient.class)
                .setInput(in).setOutput(out).configureGson(gson -> gson.registerTypeAdapterFactory(new DiagnosticJson()))
                .create();
    }

    /** Plays the start-up editing session alone (the class-data training run uses it). */
    public static void warmUp(long budgetMs) {
        Warmup.run(budgetMs, MAX_WARMUP_EDITS);
    }

    /**
     * Serves until {@code exit}, the end of input, or the client process is gone. {@code --stdio}
     * (vscode-languageclient appends it) is the only transport and is accepted as such;
     * {@code --warmup-ms N} sets the warm-up (0: none).
     */
    public static int run(List<String> args) {
        long warmupMs = DEFAULT_WARMUP_MS;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--warmup-ms") && i + 1 < args.size() && args.get(i + 1).matches("\\d{1,6}")) {
                warmupMs = Long.parseLong(args.get(++i));
            } else if (!a.equals("--stdio")) {
                System.err.println("miglint lsp: unknown option " + a
                        + " (the server speaks LSP over stdin/stdout; options: --stdio, --warmup-ms N)");
                return 2;
            }
        }
        if (warmupMs > 0) {
            Warmup.run(warmupMs, MAX_WARMUP_EDITS);
        }
        InputStream in = System.in;
        OutputStream out = System.out;
        // Only the protocol goes to stdout: a stray print elsewhere lands on stderr.
        System.setOut(new PrintStream(System.err, true));
        MiglintLanguageServer server = new MiglintLanguageServer(code -> {
            System.err.flush();
            Runtime.getRuntime().halt(code);
        });
        Launcher<LanguageClient> launcher = launcher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        try {
            listening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            System.err.println("miglint lsp: " + e.getCause());
        }
        // The client closed our input without exit (eglot sends shutdown, then kills or closes).
        return server.isShutdown() ? 0 : 1;
    }
}
