package dev.miglint.lsp;

import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A workspace scan as {@code window/workDoneProgress}: the token is created with
 * {@code window/workDoneProgress/create}, then begin, reports (at most every {@link #REPORT_MS} ms)
 * and end. A client that does not support it, or fails to create the token, gets none.
 */
final class ScanProgress implements Indexer.Progress, AutoCloseable {

    static final long REPORT_MS = 100;
    private static final AtomicInteger TOKENS = new AtomicInteger();

    private final LanguageClient client;
    private final Either<String, Integer> token;
    private long lastReport;
    private int lastPercent = -1;

    private ScanProgress(LanguageClient client, Either<String, Integer> token) {
        this.client = client;
        this.token = token;
    }

    /** Begins progress on {@code client}, or returns a silent one; blocks briefly for the token: not on the LSP thread. */
    static ScanProgress begin(LanguageClient client, boolean supported, Log log) {
        if (client == null || !supported) {
            return new ScanProgress(null, null);
        }
        Either<String, Integer> token = Either.forLeft("miglint-scan-" + TOKENS.incrementAndGet());
        try {
            client.createProgress(new WorkDoneProgressCreateParams(token)).get(5, TimeUnit.SECONDS);
            WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
            begin.setTitle("miglint");
            begin.setMessage("indexing migrations");
            begin.setCancellable(false);
            begin.setPercentage(0);
            client.notifyProgress(new ProgressParams(token, Either.forLeft(begin)));
            return new ScanProgress(client, token);
        } catch (Exception e) {
            log.warning("miglint: no progress reporting (" + e + ")");
            return new ScanProgress(null, null);
        }
    }

    @Override
    public synchronized void scanned(int done, int total) {
        if (client == null || total == 0) {
            return;
        }
        int percent = (int) (100L * done / total);
        long now = System.currentTimeMillis();
        if (percent == lastPercent || now - lastReport < REPORT_MS && done < total) {
            return;
        }
        lastPercent = percent;
        lastReport = now;
        WorkDoneProgressReport report = new WorkDoneProgressReport();
        report.setMessage(done + "/" + total + " files");
        report.setPercentage(percent);
        client.notifyProgress(new ProgressParams(token, Either.forLeft(report)));
    }

    @Override
    public void close() {
        if (client != null) {
            WorkDoneProgressEnd end = new WorkDoneProgressEnd();
            end.setMessage("migrations indexed");
            client.notifyProgress(new ProgressParams(token, Either.forLeft(end)));
        }
    }
}
