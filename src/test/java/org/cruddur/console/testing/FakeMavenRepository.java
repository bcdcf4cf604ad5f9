package org.cruddur.console.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Maven Central on loopback: serves the files of a folder laid out as a Maven repository, and
 * answers {@code <file>.sha1} with the file's real SHA-1, as Central does. Tests can swap a file's bytes (a tampered
 * mirror), a .sha1 (an inconsistent mirror), or stop publishing .sha1 files.
 */
public final class FakeMavenRepository implements AutoCloseable {

    private final HttpServer server;
    private final Path root;
    private final Map<String, byte[]> replacedFiles = new ConcurrentHashMap<>();
    private final Map<String, String> replacedSha1 = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean publishSha1 = true;

    private FakeMavenRepository(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/maven2/", this::handle);
        server.start();
    }

    public static FakeMavenRepository serving(Path root) {
        try {
            return new FakeMavenRepository(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/maven2/");
    }

    /** Serve these bytes for {@code path} instead of the file's. */
    public void replaceFile(String path, byte[] content) {
        replacedFiles.put(path, content);
    }

    public void replaceSha1(String path, String sha1) {
        replacedSha1.put(path, sha1);
    }

    public void publishSha1(boolean publish) {
        this.publishSha1 = publish;
    }

    /** Paths requested so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring("/maven2/".length());
            requests.add(path);
            byte[] body;
            if (path.endsWith(".sha1")) {
                String file = path.substring(0, path.length() - ".sha1".length());
                byte[] content = content(file);
                body = !publishSha1 || content == null ? null
                        : replacedSha1.getOrDefault(file, sha1(content)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            } else {
                body = content(path);
            }
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private byte[] content(String path) throws IOException {
        if (replacedFiles.containsKey(path)) {
            return replacedFiles.get(path);
        }
        Path file = root.resolve(path).normalize();
        return file.startsWith(root) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    }

    private static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
