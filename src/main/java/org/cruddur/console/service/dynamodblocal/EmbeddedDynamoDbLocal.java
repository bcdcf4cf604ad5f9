package org.cruddur.console.service.dynamodblocal;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.dynamodblocal.launcher.DynamoDbLocalLauncher;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * DynamoDB Local for the embedded profile, run as a child process. Its license forbids bundling it into the console,
 * so the console never links it: it finds a folder holding DynamoDB Local's jars (Maven puts one in
 * {@code target/dynamodb-local} beside the app jar) and starts {@link DynamoDbLocalLauncher} on them, with
 * {@code -sharedDb} and a {@code -dbPath} under the user's data folder so data survives restarts.
 *
 * <ul>
 *   <li>The server listens on 127.0.0.1 only (it accepts any credentials); the launcher refuses to start it when it
 *       cannot make sure of that, unless {@link #LISTEN_ALL_PROPERTY} / {@link #LISTEN_ALL_VARIABLE} say otherwise.</li>
 *   <li>It dies with the process that started it, however that ends: its standard input is a pipe from here, and the
 *       launcher exits at end-of-file.</li>
 *   <li>One server per data folder: the starter notes it in the folder ({@link ServerRecord}); other processes on the
 *       folder borrow it, and within this process every user of the folder shares one server, stopped when the last
 *       one closes. A borrower's server stops when its owner exits.</li>
 *   <li>It starts with C1, the serial collector, no telemetry and a class-data archive ({@link ClassDataArchive}).</li>
 * </ul>
 */
public final class EmbeddedDynamoDbLocal implements AutoCloseable {

    /** System property or environment variable naming DynamoDB Local's folder of jars. */
    public static final String DIR_PROPERTY = "cruddur.dynamodbLocal.dir";
    public static final String DIR_VARIABLE = "CRUDDUR_DYNAMODB_LOCAL";
    /** System property or environment variable ({@code true}) that lets DynamoDB Local listen on every interface. */
    public static final String LISTEN_ALL_PROPERTY = "cruddur.dynamodbLocal.listenAll";
    public static final String LISTEN_ALL_VARIABLE = "CRUDDUR_DYNAMODB_LOCAL_LISTEN_ALL";
    /** Extra JVM options for the child, space separated (diagnosis, and the tests' refusal case). */
    static final String CHILD_OPTIONS_PROPERTY = "cruddur.dynamodbLocal.childOptions";
    private static final long START_TIMEOUT_MS = 60_000;
    private static final Logger LOG = Logger.getLogger(EmbeddedDynamoDbLocal.class.getName());

    // guarded by the class lock: the servers of this process by data folder, and the one prestart() made
    private static final Map<Path, Server> SHARED = new HashMap<>();
    private static final Set<Path> STARTED_FOR = new HashSet<>();
    private static EmbeddedDynamoDbLocal prestarted;
    private static Path prestartedFor;
    private static boolean prestarting;

    private final Server server;
    private boolean closed;

    private EmbeddedDynamoDbLocal(Server server) {
        this.server = server;
    }

    /** Starts DynamoDB Local (or joins the one running on the folder) and waits until it answers. */
    public static EmbeddedDynamoDbLocal start(Path dataDir, Consumer<String> status) {
        return start(dataDir, status, false);
    }

    /**
     * @param inMemory keep nothing on disk: for benchmarks, which measure the console rather than SQLite's
     *                 per-write disk syncs (4-5x slower writes on this kind of machine); never shared
     */
    public static EmbeddedDynamoDbLocal start(Path dataDir, Consumer<String> status, boolean inMemory) {
        EmbeddedDynamoDbLocal local = launch(dataDir, inMemory);
        try {
            local.awaitReady(status);
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
        return local;
    }

    /**
     * Starts DynamoDB Local, or joins the folder's running one (this process's, one {@link #prestart} started, or
     * another process's), without waiting for it to answer, so the caller can prepare its client meanwhile;
     * {@link #awaitReady} then waits.
     */
    public static EmbeddedDynamoDbLocal launch(Path dataDir, boolean inMemory) {
        if (inMemory) {
            return new EmbeddedDynamoDbLocal(Server.spawn(dataDir, true, null));
        }
        Path folder = dataDir.toAbsolutePath().normalize();
        EmbeddedDynamoDbLocal early;
        synchronized (EmbeddedDynamoDbLocal.class) {
            STARTED_FOR.add(folder);
            // a prestart spawning right now: take its server when it is done rather than spawn a second one beside it
            while (prestarting) {
                try {
                    EmbeddedDynamoDbLocal.class.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Cancelled while waiting for DynamoDB Local");
                }
            }
            early = prestarted;
            prestarted = null;
            if (early != null && prestartedFor.equals(folder) && early.server.usable()) {
                return early;
            }
        }
        if (early != null) {
            early.close();
        }
        return join(folder);
    }

    /**
     * Starts DynamoDB Local for {@code dataDir} ahead of need, without waiting for it: the desktop console calls this
     * as soon as it has read its profiles, so the child JVM's start-up overlaps the building of the window. The first
     * {@link #launch} for the same folder takes it over (one that comes while this spawns waits for it); nothing happens
     * once a launch for it has run. Best effort:
     * when DynamoDB Local is missing or cannot start, the regular start reports why.
     */
    public static void prestart(Path dataDir) {
        Path folder = dataDir.toAbsolutePath().normalize();
        synchronized (EmbeddedDynamoDbLocal.class) {
            if (STARTED_FOR.contains(folder) || prestarted != null || prestarting) {
                return;
            }
            prestarting = true;
        }
        EmbeddedDynamoDbLocal early = null;
        try {
            early = join(folder);
        } catch (ConsoleException notNow) {
            // not installed yet, or no free port: the regular start shows the message and the set-up dialog
        } finally {
            synchronized (EmbeddedDynamoDbLocal.class) {
                prestarting = false;
                if (early != null) {
                    prestarted = early; // a launch waiting meanwhile (for any folder) takes it, or closes it
                    prestartedFor = folder;
                }
                EmbeddedDynamoDbLocal.class.notifyAll();
            }
        }
    }

    /** A new use of the folder's server: this process's, else another's (from its record), else a new one. */
    private static EmbeddedDynamoDbLocal join(Path folder) {
        EmbeddedDynamoDbLocal mine = joinThisProcesssServer(folder);
        if (mine != null) {
            return mine;
        }
        ServerRecord.FolderLock lock = ServerRecord.FolderLock.acquire(folder);
        try {
            mine = joinThisProcesssServer(folder); // it may have been started while we waited for the lock
            if (mine != null) {
                lock.close();
                return mine;
            }
            Optional<ServerRecord> record = ServerRecord.read(folder);
            Server server;
            if (record.isPresent() && record.get().answers()) {
                server = Server.borrowed(folder, record.get());
                lock.close();
            } else {
                if (record.isPresent()) {
                    LOG.log(Level.INFO, "DynamoDB Local noted in {0} (pid {1}) is gone; starting a new one",
                            new Object[] {folder, String.valueOf(record.get().pid())});
                    ServerRecord.remove(folder);
                }
                server = Server.spawn(folder, false, lock); // the lock is released once it answers and is noted
            }
            synchronized (EmbeddedDynamoDbLocal.class) {
                SHARED.put(folder, server);
            }
            return new EmbeddedDynamoDbLocal(server);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static synchronized EmbeddedDynamoDbLocal joinThisProcesssServer(Path folder) {
        Server server = SHARED.get(folder);
        if (server == null) {
            return null;
        }
        if (!server.usable()) {
            SHARED.remove(folder);
            return null;
        }
        server.users++;
        return new EmbeddedDynamoDbLocal(server);
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

    /** Whether something on 127.0.0.1:{@code port} answers a ListTables as DynamoDB Local does. */
    public static boolean answersListTables(int port) {
        return ServerRecord.answersAsDynamoDbLocal(port);
    }

    /** Whether this process asked for a server reachable from other machines (a warning-worthy choice). */
    public static boolean listenAllRequested() {
        String value = System.getProperty(LISTEN_ALL_PROPERTY, System.getenv(LISTEN_ALL_VARIABLE));
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
    }

    /** Waits until the server answers; throws (and stops it) when it exits or does not start in time. */
    public void awaitReady(Consumer<String> status) {
        server.awaitReady(status);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port);
    }

    public int port() {
        return server.port;
    }

    public long pid() {
        return server.pid();
    }

    /** True when this process started the server (it stops with this process), false when it borrowed another's. */
    public boolean owned() {
        return server.process != null;
    }

    public boolean isAlive() {
        return server.usable();
    }

    /** Ends this use of the server; the server stops when the last use in its owning process ends. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        boolean last;
        synchronized (EmbeddedDynamoDbLocal.class) {
            last = --server.users == 0;
            if (last && SHARED.get(server.folder) == server) {
                SHARED.remove(server.folder);
            }
        }
        if (last) {
            server.stop();
        }
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    }

    /** One running DynamoDB Local: a child of this process, or another process's noted in the folder. */
    private static final class Server {
        final Path folder;
        final int port;
        final boolean inMemory;
        final String token;
        final ServerRecord borrowedFrom;
        Process process; // null when borrowed; replaced once if the first try died at start with an archive
        Path logFile;
        ClassDataArchive archive;
        ServerRecord.FolderLock startLock; // held from spawn until the server answers and is noted
        Thread shutdownHook;
        boolean ready;
        boolean listenAll;
        Path jars;
        Path launcherJar;
        int users = 1; // guarded by the EmbeddedDynamoDbLocal class lock

        private Server(Path folder, int port, boolean inMemory, String token, ServerRecord borrowedFrom) {
            this.folder = folder;
            this.port = port;
            this.inMemory = inMemory;
            this.token = token;
            this.borrowedFrom = borrowedFrom;
        }

        static Server borrowed(Path folder, ServerRecord record) {
            Server server = new Server(folder, record.port(), false, record.token(), record);
            server.ready = true;
            LOG.log(Level.INFO, "using DynamoDB Local on port {0} started by another process (pid {1})", new Object[] {String.valueOf(record.port()), String.valueOf(record.pid())});
            return server;
        }

        static Server spawn(Path dataDir, boolean inMemory, ServerRecord.FolderLock lock) {
            Path jars = locate(dataDir).orElseThrow(() -> new DynamoDbLocalMissing(
                    "DynamoDB Local is not installed (its license forbids shipping it with the console): run 'cruddur-console ddb local install'"
                            + " to install it, set " + DIR_VARIABLE + " to a folder of its jars, or use another profile (--profile local / --endpoint URL)"));
            int port;
            try {
                port = freeLoopbackPort();
            } catch (IOException e) {
                throw new ConsoleException(ConsoleException.Kind.CONFIG, "Cannot find a free port for DynamoDB Local: " + e.getMessage(), e);
            }
            Server server = new Server(dataDir.toAbsolutePath().normalize(), port, inMemory, UUID.randomUUID().toString(), null);
            server.jars = jars;
            server.listenAll = listenAllRequested();
            server.startLock = lock;
            Path launcherDir = dataDir.resolve("dynamodb-local-launcher");
            server.launcherJar = LauncherJar.ensure(launcherDir);
            server.archive = ClassDataArchive.forServer(launcherDir, jars, server.launcherJar);
            server.start(server.launcherJar);
            return server;
        }

        private void start(Path launcherJar) {
            try {
                Path dbDir = folder.resolve("dynamodb-local-data");
                Files.createDirectories(dbDir);
                logFile = folder.resolve("dynamodb-local.log");
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java").toString());
                // a local test server needs neither C2's peak speed nor a parallel collector; both cost start-up time
                command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
                command.addAll(archive.jvmOptions());
                String extra = System.getProperty(CHILD_OPTIONS_PROPERTY, "");
                if (!extra.isBlank()) {
                    command.addAll(List.of(extra.trim().split("\\s+")));
                }
                // AWS's zip keeps the sqlite4java natives in DynamoDBLocal_lib (its jar's manifest names the jars there)
                Path zipLib = jars.resolve("DynamoDBLocal_lib");
                command.add("-Djava.library.path=" + jars + (Files.isDirectory(zipLib) ? File.pathSeparator + zipLib : ""));
                command.addAll(List.of("-cp", launcherJar.toAbsolutePath().toString(), LauncherJar.MAIN_CLASS,
                        "--jars", jars.toAbsolutePath().toString(), "--token", token));
                if (archive.dumping()) {
                    command.add("--archive-at-exit");
                }
                if (listenAll) {
                    command.add("--listen-all");
                    LOG.log(Level.WARNING, "DynamoDB Local will listen on every network interface ({0} is set): anyone who can reach port {1}"
                            + " can read and change its tables", new Object[] {LISTEN_ALL_PROPERTY, String.valueOf(port)});
                }
                command.addAll(List.of("--", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)));
                command.addAll(inMemory ? List.of("-inMemory") : List.of("-dbPath", dbDir.toAbsolutePath().toString()));
                // standard input stays a pipe from this process: its end-of-file is the launcher's signal to exit
                process = new ProcessBuilder(command)
                        .directory(folder.toFile()) // where a crashing JVM writes its hs_err file
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()))
                        .start();
                shutdownHook = new Thread(this::stopWithoutWaiting, "stop-dynamodb-local");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            } catch (IOException e) {
                throw new ConsoleException(ConsoleException.Kind.CONFIG, "Cannot start DynamoDB Local: " + e.getMessage(), e);
            }
        }

        boolean usable() {
            if (process != null) {
                return process.isAlive();
            }
            return borrowedFrom != null && borrowedFrom.processAlive();
        }

        long pid() {
            return process != null ? process.pid() : borrowedFrom.pid();
        }

        synchronized void awaitReady(Consumer<String> status) {
            if (ready) {
                if (borrowedFrom != null) {
                    status.accept("Using DynamoDB Local on port " + port + " (started by process " + borrowedFrom.pid() + ")");
                }
                return;
            }
            status.accept("Starting DynamoDB Local on port " + port + "…");
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
            while (System.currentTimeMillis() < deadline) {
                if (!process.isAlive()) {
                    int code = process.exitValue();
                    if (code != DynamoDbLocalLauncher.EXIT_CANNOT_BIND_LOOPBACK && archive.inUse()) {
                        // a damaged archive can crash the JVM as it maps it: start again without it, and make it anew
                        LOG.log(Level.WARNING, "DynamoDB Local exited at start (code {0}) with class-data archive {1}; starting it without",
                                new Object[] {String.valueOf(code), archive.path()});
                        archive.discard();
                        Runtime.getRuntime().removeShutdownHook(shutdownHook);
                        start(launcherJar);
                        continue;
                    }
                    releaseStartLock();
                    throw exitedAtStart(code);
                }
                if (accepts()) {
                    ready = true;
                    if (!inMemory) {
                        new ServerRecord(port, process.pid(), ServerRecord.startOf(process.toHandle()), token,
                                versionOf(jars), listenAll).write(folder);
                    }
                    releaseStartLock();
                    archive.checkMapped();
                    status.accept("DynamoDB Local is up on port " + port + (listenAll ? ", listening on every network interface" : ""));
                    return;
                }
                try {
                    Thread.sleep(40);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop();
                    throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Cancelled while starting DynamoDB Local");
                }
            }
            stop();
            throw new ConsoleException(ConsoleException.Kind.CONFIG, "DynamoDB Local did not start within 60 s; see " + logFile);
        }

        private ConsoleException exitedAtStart(int code) {
            if (code == DynamoDbLocalLauncher.EXIT_CANNOT_BIND_LOOPBACK) {
                String reason = refusal().orElse("it cannot be bound to the loopback interface only");
                return new ConsoleException(ConsoleException.Kind.CONFIG, "DynamoDB Local was not started: " + reason
                        + ". To expose it to your network on purpose: " + LISTEN_ALL_VARIABLE + "=true (CLI: --listen-all)");
            }
            return new ConsoleException(ConsoleException.Kind.CONFIG,
                    "DynamoDB Local exited at start (code " + code + "); see " + logFile);
        }

        private Optional<String> refusal() {
            try {
                return Files.readAllLines(logFile, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.startsWith(DynamoDbLocalLauncher.REFUSED))
                        .map(line -> line.substring(DynamoDbLocalLauncher.REFUSED.length()))
                        .findFirst();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }

        private boolean accepts() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }

        private void releaseStartLock() {
            if (startLock != null) {
                startLock.close();
                startLock = null;
            }
        }

        /** Stops a server this process started: closes its input (the launcher exits), then waits, then kills. */
        void stop() {
            if (process == null) {
                return; // borrowed: its owner stops it
            }
            synchronized (this) {
                releaseStartLock();
            }
            if (!inMemory) {
                ServerRecord.removeIfToken(folder, token);
            }
            closeInput(true);
            try {
                // writing a new class-data archive at exit takes 1-2 s
                if (!process.waitFor(archive.dumping() ? 15 : 5, TimeUnit.SECONDS)) {
                    process.destroy();
                    if (!process.waitFor(2, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                }
                archive.afterExit(process.exitValue());
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            } catch (IllegalThreadStateException stillRunning) {
                LOG.log(Level.WARNING, "DynamoDB Local (pid {0}) did not stop", String.valueOf(process.pid()));
            }
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run; nothing to remove
            }
        }

        /** At the JVM's exit: the launcher sees end-of-file and exits by itself; the note goes now. */
        private void stopWithoutWaiting() {
            if (!inMemory) {
                ServerRecord.removeIfToken(folder, token);
            }
            closeInput(false);
        }

        /** @param quit a stop on purpose, which waits: the launcher may take the time to write its class-data archive */
        private void closeInput(boolean quit) {
            try (var input = process.getOutputStream()) {
                if (quit) {
                    input.write(DynamoDbLocalLauncher.QUIT);
                }
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing DynamoDB Local's input", e);
            }
        }

        private static String versionOf(Path jars) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(jars, "DynamoDBLocal*.jar")) {
                for (Path jar : found) {
                    String name = jar.getFileName().toString();
                    return name.startsWith("DynamoDBLocal-") ? name.substring("DynamoDBLocal-".length(), name.length() - 4) : name;
                }
            } catch (IOException e) {
                // unknown
            }
            return "unknown";
        }
    }
}
