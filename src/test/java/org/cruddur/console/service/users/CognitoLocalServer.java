package org.cruddur.console.service.users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * The real cognito-local emulator from npm, installed and started by the tests themselves, so {@code mvn verify} on
 * a fresh machine (node and npm present) runs the Cognito tests: {@code npm install cognito-local@5.3.0} into
 * {@code target/cognito-local} once (skipped when already there), then one server per test JVM on a free loopback
 * port, in a fresh state folder whose {@code .cognito/config.json} turns off email user names. Stopped when the JVM
 * ends. Each test makes its own user pool, so tests never see each other's users.
 */
public final class CognitoLocalServer {

    public static final String VERSION = "5.3.0";
    private static final Path INSTALL_DIR = Path.of("target", "cognito-local").toAbsolutePath();
    private static CognitoLocalServer running;

    private final Process process;
    private final URI endpoint;
    private final CognitoIdentityProviderClient admin;

    private CognitoLocalServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.admin = CognitoIdentityProviderClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /** The shared server of this test JVM, started on first use. */
    public static synchronized CognitoLocalServer get() {
        if (running == null) {
            running = start();
            CognitoLocalServer server = running;
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return running;
    }

    public URI endpoint() {
        return endpoint;
    }

    public CognitoIdentityProviderClient admin() {
        return admin;
    }

    /** A new, empty user pool; returns its id. */
    public String createPool() {
        return admin.createUserPool(b -> b.poolName("test-" + UUID.randomUUID())).userPool().id();
    }

    /** AdminCreateUser (no message sent) with attributes given as name, value, name, value...; returns the sub. */
    public String createUser(String pool, String username, String... nameValues) {
        List<AttributeType> attributes = new ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            attributes.add(AttributeType.builder().name(nameValues[i]).value(nameValues[i + 1]).build());
        }
        var user = admin.adminCreateUser(b -> b.userPoolId(pool).username(username)
                .messageAction(MessageActionType.SUPPRESS).userAttributes(attributes)).user();
        return user.attributes().stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
    }

    public void disableUser(String pool, String username) {
        admin.adminDisableUser(b -> b.userPoolId(pool).username(username));
    }

    /** What a machine without Node.js lacks, said where the tests fail (README's set-up says it too). */
    static final String NEEDS_NODE = "The Cognito tests need Node.js and npm (they install and run cognito-local@" + VERSION
            + " from npm): install Node.js 18 or later with npm, see README.md, 'Set up'";

    private static CognitoLocalServer start() {
        try {
            Path script = install();
            Path state = Files.createTempDirectory("cognito-local-state");
            Files.createDirectories(state.resolve(".cognito"));
            Files.writeString(state.resolve(".cognito/config.json"), "{\"UserPoolDefaults\":{\"UsernameAttributes\":[]}}");
            int port = freePort();
            ProcessBuilder pb = new ProcessBuilder("node", script.toString())
                    .directory(state.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(state.resolve("cognito-local.log").toFile());
            pb.environment().put("HOST", "127.0.0.1");
            pb.environment().put("PORT", Integer.toString(port));
            pb.environment().put("DEBUG", "");
            Process process;
            try {
                process = pb.start();
            } catch (IOException e) {
                throw new IOException(NEEDS_NODE + " (" + e.getMessage() + ")", e);
            }
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            waitForHealth(process, endpoint, state.resolve("cognito-local.log"));
            return new CognitoLocalServer(process, endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start cognito-local: " + e.getMessage(), e);
        }
    }

    /** npm install cognito-local@VERSION into target/cognito-local, unless that version is already there. */
    private static Path install() throws IOException {
        Path script = INSTALL_DIR.resolve("node_modules/cognito-local/lib/bin/start.js");
        Path packageJson = INSTALL_DIR.resolve("node_modules/cognito-local/package.json");
        if (Files.exists(script) && Files.readString(packageJson).contains("\"version\": \"" + VERSION + "\"")) {
            return script;
        }
        Files.createDirectories(INSTALL_DIR);
        Path log = INSTALL_DIR.resolve("npm-install.log");
        boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
        ProcessBuilder pb = new ProcessBuilder(windows ? "npm.cmd" : "npm", "install", "--prefix", INSTALL_DIR.toString(),
                "--no-audit", "--no-fund", "--no-save", "cognito-local@" + VERSION)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Process npm;
        try {
            npm = pb.start();
        } catch (IOException e) {
            throw new IOException(NEEDS_NODE + " (" + e.getMessage() + ")", e);
        }
        try {
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IOException("npm install cognito-local@" + VERSION + " failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while installing cognito-local", e);
        }
        if (!Files.exists(script)) {
            throw new IOException("npm installed cognito-local but " + script + " is missing; see " + log);
        }
        return script;
    }

    private static void waitForHealth(Process process, URI endpoint, Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/health")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("cognito-local exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().replace(" ", "").contains("\"ok\":true")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for cognito-local", e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for cognito-local", e);
            }
        }
        process.destroyForcibly();
        throw new IOException("cognito-local did not answer /health within 60 s: " + Files.readString(log));
    }

    private void stop() {
        admin.close();
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A loopback port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
