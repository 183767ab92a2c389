package dev.miglint.lsp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmupTest {

    private static long serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("miglint-")).count();
    }

    @Test
    void playsEditsThroughTheServerThenLeavesNoThreadAndNothingOnStdout() throws Exception {
        long before = serverThreads();
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true));
        int edits;
        try {
            edits = Warmup.run(60_000, 40);
        } finally {
            System.setOut(out);
        }
        assertEquals(40, edits, "every edit was answered (pulled, then pushed) within the budget");
        assertEquals("", printed.toString(), "stdout belongs to the protocol");
        long deadline = System.currentTimeMillis() + 5000;
        while (serverThreads() > before && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(before, serverThreads(), "the throwaway servers' threads are gone");
    }
}
