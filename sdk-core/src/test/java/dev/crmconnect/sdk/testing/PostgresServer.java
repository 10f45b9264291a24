package dev.crmconnect.sdk.testing;

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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server for tests: initialised in a fresh temporary directory, listening on a
 * free loopback port, fsync off, stopped and deleted on {@link #close()}. Fails, never skips, when
 * the server binaries cannot be found. When the JVM runs as root, the server runs as the
 * {@code postgres} user, as PostgreSQL refuses to run as root.
 *
 * <p>Starting takes a second or two; {@link #shared()} starts one per JVM.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String SERVER_USER = "postgres";
    private static final long COMMAND_TIMEOUT_SECONDS = 60;
    private static PostgresServer shared;

    private final Path directory;
    private final Path binaries;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();
    private boolean stopped;

    private PostgresServer(Path directory, Path binaries, int port) {
        this.directory = directory;
        this.binaries = binaries;
        this.port = port;
    }

    /** The one server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            PostgresServer server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-test-server-stop"));
            shared = server;
        }
        return shared;
    }

    /** Starts a new server; close it when done. */
    public static PostgresServer start() {
        Path binaries = findBinaries();
        Path directory;
        try {
            directory = Files.createTempDirectory("crmconnect-pg-");
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
                            "-o", "-F -p " + port + " -h 127.0.0.1 -k " + directory.resolve("socket")
                                    + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                                    + " -c max_connections=100",
                            "start");
                    return new PostgresServer(directory, binaries, port);
                } catch (IOException e) {
                    lastFailure = e; // most likely the port was taken meanwhile
                }
            }
            throw new IllegalStateException("PostgreSQL did not start: " + lastFailure.getMessage()
                    + "\n" + serverLog(directory));
        } catch (IOException e) {
            deleteTree(directory);
            throw new IllegalStateException("PostgreSQL could not be initialised in " + directory + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteTree(directory);
            throw e;
        }
    }

    /** The server's port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Creates a new empty database and returns a data source for it. */
    public DataSource newDatabase() {
        String name = "test_" + databases.incrementAndGet();
        try (Connection connection = dataSource("postgres").getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return dataSource(name);
    }

    /** A data source for an existing database. */
    public DataSource dataSource(String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName(database);
        source.setUser("postgres");
        return source;
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
            System.err.println("PostgreSQL test server did not stop cleanly: " + e.getMessage());
        } finally {
            deleteTree(directory);
        }
    }

    /** initdb and pg_ctl: on the PATH, else the newest /usr/lib/postgresql/N/bin. */
    static Path findBinaries() {
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
        Optional<Path> found = candidates.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                .findFirst();
        return found.orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) were"
                + " not found on the PATH nor under /usr/lib/postgresql/*/bin. The JDBC checkpoint store tests need"
                + " a real server: install Debian's 'postgresql' package (apt-get install postgresql) or put"
                + " the binaries on the PATH."));
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
        Path output = Files.createTempFile("crmconnect-pg-command-", ".log");
        try {
            Process process = new ProcessBuilder(full)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
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

    private static String serverLog(Path directory) {
        try {
            Path log = directory.resolve("server.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no server log)";
        } catch (IOException e) {
            return "(server log unreadable: " + e.getMessage() + ")";
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
