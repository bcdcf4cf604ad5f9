package org.cruddur.console.service.dynamodblocal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.cruddur.console.service.ConsoleException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The data folder's note of the DynamoDB Local server that runs on it ({@code dynamodb-local-server.json}): port,
 * pid, the process's start time, a random token on its command line, DynamoDB Local's version. Whoever starts a server
 * for a folder writes it; another console or CLI command on the same folder reads it and uses that server instead of
 * starting a second one on the same SQLite file. A note whose process is gone, or whose port does not answer as
 * DynamoDB Local, is stale and removed. Reading, starting and writing happen under {@link FolderLock}.
 */
record ServerRecord(int port, long pid, String processStart, String token, String version, boolean listenAll) {

    static final String FILE = "dynamodb-local-server.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(ServerRecord.class.getName());

    static Optional<ServerRecord> read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<?, ?> json = JSON.readValue(file.toFile(), Map.class);
            return Optional.of(new ServerRecord(((Number) json.get("port")).intValue(), ((Number) json.get("pid")).longValue(),
                    (String) json.get("process_start"), (String) json.get("token"), (String) json.get("version"),
                    Boolean.TRUE.equals(json.get("listen_all"))));
        } catch (IOException | RuntimeException unreadable) {
            LOG.log(Level.INFO, "ignoring an unreadable {0}: {1}", new Object[] {file, unreadable.toString()});
            return Optional.empty();
        }
    }

    void write(Path dataDir) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("port", port);
        json.put("pid", pid);
        json.put("process_start", processStart);
        json.put("token", token);
        json.put("version", version);
        json.put("listen_all", listenAll);
        try {
            Path part = Files.createTempFile(dataDir, "dynamodb-local-server-", ".part");
            JSON.writeValue(part.toFile(), json);
            Files.move(part, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // without the note, other consoles start their own server; this one still works
            LOG.log(Level.WARNING, "cannot write {0}: {1}", new Object[] {dataDir.resolve(FILE), e.toString()});
        }
    }

    /** Removes the note if it is still this server's (another may have replaced it). */
    static void removeIfToken(Path dataDir, String token) {
        read(dataDir).filter(r -> r.token().equals(token)).ifPresent(r -> remove(dataDir));
    }

    static void remove(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(FILE));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot remove {0}: {1}", new Object[] {dataDir.resolve(FILE), e.toString()});
        }
    }

    static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse(null);
    }

    /** The recorded process still runs (same pid, same start, our token on its command line where the OS shows it). */
    boolean processAlive() {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        String start = startOf(process.get());
        if (processStart != null && start != null && !processStart.equals(start)) {
            return false; // the pid was reused by another process
        }
        Optional<String[]> arguments = process.get().info().arguments();
        return arguments.isEmpty() || Arrays.asList(arguments.get()).contains(token);
    }

    /** The process is alive and its port answers a ListTables as DynamoDB Local does. */
    boolean answers() {
        return processAlive() && answersAsDynamoDbLocal(port);
    }

    static boolean answersAsDynamoDbLocal(int port) {
        String body = "{}";
        String request = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=host, Signature=0\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(4096);
            String text = new String(answer, StandardCharsets.UTF_8);
            return text.startsWith("HTTP/1.1 200") && text.contains("\"TableNames\"");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Held while a process looks for, starts and records a folder's server, so two never start at once: a file lock
     * between processes, and a semaphore within this one (a JVM cannot take one file lock twice). Not tied to a
     * thread: the thread that starts the server may differ from the one that sees it ready and releases the lock.
     */
    static final class FolderLock implements AutoCloseable {

        private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();
        private final Semaphore semaphore;
        private final FileChannel channel;
        private final FileLock lock;
        private boolean released;

        private FolderLock(Semaphore semaphore, FileChannel channel, FileLock lock) {
            this.semaphore = semaphore;
            this.channel = channel;
            this.lock = lock;
        }

        static FolderLock acquire(Path dataDir) {
            Path folder = dataDir.toAbsolutePath().normalize();
            Semaphore semaphore = IN_THIS_JVM.computeIfAbsent(folder, f -> new Semaphore(1));
            try {
                semaphore.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Cancelled while waiting for DynamoDB Local");
            }
            try {
                Files.createDirectories(folder);
                FileChannel channel = FileChannel.open(folder.resolve("dynamodb-local-server.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                try {
                    return new FolderLock(semaphore, channel, channel.lock());
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            } catch (IOException e) {
                semaphore.release();
                throw new ConsoleException(ConsoleException.Kind.CONFIG,
                        "Cannot lock DynamoDB Local's data folder " + folder + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                semaphore.release();
                throw e;
            }
        }

        @Override
        public synchronized void close() {
            if (released) {
                return;
            }
            released = true;
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "releasing the folder lock", e);
            } finally {
                semaphore.release();
            }
        }
    }
}
