package org.cruddur.console.service.dynamodblocal;

import org.cruddur.console.service.ConsoleException;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * DynamoDB Local run as a child process for the embedded profile. Its license forbids bundling it into the
 * console, so the console never links it: it finds a folder holding DynamoDB Local's jars (Maven puts one in
 * {@code target/dynamodb-local} beside the app jar) and starts it with its own classpath on a free loopback port,
 * with {@code -sharedDb} and a {@code -dbPath} under the user's data folder so data survives restarts.
 */
public final class EmbeddedDynamoDbLocal implements AutoCloseable {

    /** System property or environment variable naming DynamoDB Local's folder of jars. */
    public static final String DIR_PROPERTY = "cruddur.dynamodbLocal.dir";
    public static final String DIR_VARIABLE = "CRUDDUR_DYNAMODB_LOCAL";
    static final String MAIN_CLASS = "software.amazon.dynamodb.services.local.main.ServerRunner";
    private static final long START_TIMEOUT_MS = 60_000;

    // the process started ahead of need by prestart(), guarded by the class lock
    private static EmbeddedDynamoDbLocal prestarted;
    private static Path prestartedFor;
    private static final java.util.Set<Path> STARTED_FOR = new java.util.HashSet<>();

    private final Process process;
    private final int port;
    private final Path logFile;
    private final Thread shutdownHook;

    private EmbeddedDynamoDbLocal(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.shutdownHook = new Thread(process::destroy, "stop-dynamodb-local");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts DynamoDB Local and waits until it accepts connections. */
    public static EmbeddedDynamoDbLocal start(Path dataDir, Consumer<String> status) {
        return start(dataDir, status, false);
    }

    /**
     * @param inMemory keep nothing on disk: for benchmarks, which measure the console rather than SQLite's
     *                 per-write disk syncs (4-5x slower writes on this kind of machine)
     */
    public static EmbeddedDynamoDbLocal start(Path dataDir, Consumer<String> status, boolean inMemory) {
        EmbeddedDynamoDbLocal local = launch(dataDir, inMemory);
        local.awaitReady(status);
        return local;
    }

    /**
     * Starts DynamoDB Local (or takes over the one {@link #prestart} started) without waiting for it, so the caller
     * can prepare its client meanwhile; {@link #awaitReady} then waits until it accepts connections.
     */
    public static EmbeddedDynamoDbLocal launch(Path dataDir, boolean inMemory) {
        EmbeddedDynamoDbLocal local = takePrestarted(dataDir, inMemory);
        return local != null ? local : spawn(dataDir, inMemory);
    }

    /**
     * Starts DynamoDB Local for {@code dataDir} ahead of need, without waiting for it: the desktop console calls this
     * as soon as it has read its profiles, so the child JVM's start-up (about 2 s) overlaps the building of the window.
     * The first {@link #start} for the same folder takes the process over; nothing happens once a start for it has run.
     * Best effort: when DynamoDB Local is missing or cannot start, the regular start reports why.
     */
    public static synchronized void prestart(Path dataDir) {
        Path folder = dataDir.toAbsolutePath().normalize();
        if (STARTED_FOR.contains(folder) || prestarted != null) {
            return;
        }
        try {
            prestarted = spawn(dataDir, false);
            prestartedFor = folder;
        } catch (ConsoleException notNow) {
            // not installed yet, or no free port: the regular start shows the message and the set-up dialog
        }
    }

    private static synchronized EmbeddedDynamoDbLocal takePrestarted(Path dataDir, boolean inMemory) {
        Path folder = dataDir.toAbsolutePath().normalize();
        STARTED_FOR.add(folder);
        EmbeddedDynamoDbLocal early = prestarted;
        prestarted = null;
        if (early == null) {
            return null;
        }
        if (!inMemory && prestartedFor.equals(folder) && early.isAlive()) {
            return early;
        }
        early.close();
        return null;
    }

    private static EmbeddedDynamoDbLocal spawn(Path dataDir, boolean inMemory) {
        Path jars = locate(dataDir).orElseThrow(() -> new DynamoDbLocalMissing(
                "DynamoDB Local is not installed (its license forbids shipping it with the console): run 'cruddur-console ddb local install'"
                        + " to install it, set " + DIR_VARIABLE + " to a folder of its jars, or use another profile (--profile local / --endpoint URL)"));
        try {
            Path dbDir = dataDir.resolve("dynamodb-local-data");
            Files.createDirectories(dbDir);
            Path logFile = dataDir.resolve("dynamodb-local.log");
            int port = freeLoopbackPort();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toString());
            command.add("-Xmx512m");
            // AWS's zip keeps the sqlite4java natives in DynamoDBLocal_lib (its jar's manifest names the jars there)
            Path zipLib = jars.resolve("DynamoDBLocal_lib");
            command.add("-Djava.library.path=" + jars + (Files.isDirectory(zipLib) ? File.pathSeparator + zipLib : ""));
            command.add("-cp");
            command.add(jars.toAbsolutePath() + File.separator + "*");
            command.add(MAIN_CLASS);
            command.add("-sharedDb");
            command.addAll(inMemory ? List.of("-inMemory") : List.of("-dbPath", dbDir.toAbsolutePath().toString()));
            command.addAll(List.of("-port", Integer.toString(port)));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                    .start();
            return new EmbeddedDynamoDbLocal(process, port, logFile);
        } catch (IOException e) {
            throw new ConsoleException(ConsoleException.Kind.CONFIG, "Cannot start DynamoDB Local: " + e.getMessage(), e);
        }
    }

    /** The folder of DynamoDB Local jars to use, if one is known. */
    public static Optional<Path> locate(Path dataDir) {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty(DIR_PROPERTY);
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        String variable = System.getenv(DIR_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            candidates.add(Path.of(variable));
        }
        appJarDirectory().ifPresent(dir -> candidates.add(dir.resolve("dynamodb-local")));
        candidates.add(dataDir.resolve("dynamodb-local").resolve("lib"));
        return candidates.stream().filter(EmbeddedDynamoDbLocal::holdsDynamoDbLocal).findFirst();
    }

    static boolean holdsDynamoDbLocal(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "DynamoDBLocal*.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> appJarDirectory() {
        try {
            Path location = Path.of(EmbeddedDynamoDbLocal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(location.getParent());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Waits until the server accepts connections; stops it and throws when it exits or does not start in time. */
    public void awaitReady(Consumer<String> status) {
        status.accept("Starting DynamoDB Local on port " + port + "…");
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new ConsoleException(ConsoleException.Kind.CONFIG,
                        "DynamoDB Local exited at start (code " + process.exitValue() + "); see " + logFile);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                status.accept("DynamoDB Local is up on port " + port);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    close();
                    Thread.currentThread().interrupt();
                    throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Cancelled while starting DynamoDB Local");
                }
            }
        }
        close();
        throw new ConsoleException(ConsoleException.Kind.CONFIG, "DynamoDB Local did not start within 60 s; see " + logFile);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run; nothing to remove
        }
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
    }
}
