package dev.crmconnect.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away PostgreSQL server for the poller benchmark: initialised in a fresh temporary
 * directory, listening on a free loopback port, stopped and deleted on {@link #close()}. Unlike
 * the test server it keeps PostgreSQL's durable defaults ({@code fsync}, synchronous commit), so
 * that the figure is that of a real deployment on this disk. As root, it runs as the
 * {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String SERVER_USER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path directory;
    private final Path binaries;
    private final int port;
    private boolean stopped;

    private PostgresServer(Path directory, Path binaries, int port) {
        this.directory = directory;
        this.binaries = binaries;
        this.port = port;
    }

    /** Whether PostgreSQL's {@code initdb} and {@code pg_ctl} can be found. */
    public static boolean available() {
        try {
            findBinaries();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * Initialises and starts a server with PostgreSQL's defaults but for {@code settings}, each
     * {@code name=value} as {@code postgres -c} takes it.
     *
     * @throws IllegalStateException when the binaries are missing or the server does not start
     */
    public static PostgresServer start(String... settings) {
        StringBuilder options = new StringBuilder();
        for (String setting : settings) {
            options.append(" -c ").append(setting);
        }
        Path binaries = findBinaries();
        Path directory;
        try {
            directory = Files.createTempDirectory("crmconnect-bench-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(directory.resolve("socket"));
            if (runningAsRoot()) {
                chownTree(directory, SERVER_USER);
            }
            Path data = directory.resolve("data");
            run(directory, binaries.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                    "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
            IOException lastFailure = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                int port = freePort();
                try {
                    run(directory, binaries.resolve("pg_ctl").toString(), "-D", data.toString(),
                            "-l", directory.resolve("server.log").toString(), "-w", "-t", "60",
                            "-o", "-p " + port + " -h 127.0.0.1 -k " + directory.resolve("socket") + options, "start");
                    PostgresServer server = new PostgresServer(directory, binaries, port);
                    server.createDatabase("bench");
                    return server;
                } catch (IOException e) {
                    lastFailure = e; // most likely the port was taken meanwhile
                }
            }
            throw new IllegalStateException("PostgreSQL did not start: " + lastFailure.getMessage());
        } catch (IOException e) {
            deleteTree(directory);
            throw new IllegalStateException("PostgreSQL could not be initialised in " + directory + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteTree(directory);
            throw e;
        }
    }

    /** A data source for the {@code bench} database. */
    public DataSource dataSource() {
        return dataSource("bench");
    }

    /**
     * Creates the database {@code name} whose sessions start with {@code settings}, each
     * {@code name=value}, and returns a data source for it.
     */
    public DataSource newDatabase(String name, String... settings) {
        try {
            createDatabase(name);
            try (Connection connection = dataSource("postgres").getConnection();
                 Statement statement = connection.createStatement()) {
                for (String setting : settings) {
                    int eq = setting.indexOf('=');
                    statement.execute("ALTER DATABASE " + name + " SET " + setting.substring(0, eq) + " = "
                            + setting.substring(eq + 1));
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return dataSource(name);
    }

    /** The server's name and version, for example "PostgreSQL 15.18". */
    public String version() {
        try (Connection connection = dataSource().getConnection()) {
            return connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion().split(" ")[0];
        } catch (SQLException e) {
            return "PostgreSQL (version unknown)";
        }
    }

    /** Stops the server at once and deletes its directory. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(directory, binaries.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(),
                    "-m", "immediate", "-w", "stop");
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        } finally {
            deleteTree(directory);
        }
    }

    private void createDatabase(String name) throws IOException {
        try (Connection connection = dataSource("postgres").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IOException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    private DataSource dataSource(String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName(database);
        source.setUser("postgres");
        return source;
    }

    /** initdb and pg_ctl: on the PATH, else the newest /usr/lib/postgresql/N/bin. */
    private static Path findBinaries() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    candidates.add(Path.of(entry));
                }
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparingInt(PostgresServer::majorVersion).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return candidates.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) were not"
                        + " found on the PATH nor under /usr/lib/postgresql/*/bin"));
    }

    private static int majorVersion(Path binDirectory) {
        try {
            return Integer.parseInt(binDirectory.getParent().getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Runs a server command, as the postgres user when root; IOException with its output on failure. */
    private static void run(Path directory, String... command) throws IOException {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        full.addAll(List.of(command));
        Path output = Files.createTempFile("crmconnect-bench-pg-command-", ".log");
        try {
            Process process = new ProcessBuilder(full)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", full) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " exited with " + process.exitValue() + ":\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", full), e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void chownTree(Path root, String user) throws IOException {
        UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(user);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(user);
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(owner);
                view.setGroup(group);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Left for the OS's temporary-directory cleanup.
                }
            });
        } catch (IOException e) {
            // Left for the OS's temporary-directory cleanup.
        }
    }
}
