package dev.miglint.lsp;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/** Ends the server when the client process named in {@code initialize} is gone (an editor that crashed). */
final class ParentWatch {

    /** How often the client process is checked. */
    static final long POLL_SECONDS = 3;

    private ParentWatch() {
    }

    /** @param exit ends the process; 0 after a shutdown request, 1 otherwise */
    static void start(int pid, ScheduledExecutorService timer, BooleanSupplier shutdown, IntConsumer exit) {
        timer.scheduleWithFixedDelay(() -> {
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (!alive) {
                System.err.println("miglint: the client process " + pid + " is gone; exiting");
                exit.accept(shutdown.getAsBoolean() ? 0 : 1);
            }
        }, POLL_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
    }
}
