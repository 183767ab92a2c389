package dev.miglint.lsp;

import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Supplier;

/** Logs to the client's {@code window/logMessage}, or to stderr before a client is connected; never to stdout. */
final class Log {

    private final Supplier<LanguageClient> client;

    Log(Supplier<LanguageClient> client) {
        this.client = client;
    }

    void info(String message) {
        send(MessageType.Log, message);
    }

    void warning(String message) {
        send(MessageType.Warning, message);
    }

    void error(String message, Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        send(MessageType.Error, "miglint: " + message + ": " + trace);
    }

    private void send(MessageType type, String message) {
        LanguageClient c = client.get();
        if (c == null) {
            System.err.println(message);
            return;
        }
        try {
            c.logMessage(new MessageParams(type, message));
        } catch (RuntimeException e) {
            System.err.println(message);
        }
    }
}
