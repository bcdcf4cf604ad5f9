package org.cruddur.console.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.seeding.SeedPlan;
import org.cruddur.console.service.seeding.SeedUsers;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local in-process over HTTP, for tests: one shared in-memory server per test JVM (each test uses its own
 * table), plus servers started on a chosen port to play an endpoint coming back.
 */
public final class LocalDynamo implements AutoCloseable {

    private static LocalDynamo shared;
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final DynamoDBProxyServer server;
    private final String endpoint;

    private LocalDynamo(String sharedEndpoint) {
        this.server = null;
        this.endpoint = sharedEndpoint;
    }

    private LocalDynamo(int port) {
        this.endpoint = "http://127.0.0.1:" + port;
        try {
            server = ServerRunner.createServerFromCommandLineArgs(new String[] {"-inMemory", "-port", Integer.toString(port), "-sharedDb"});
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    public static synchronized LocalDynamo shared() {
        if (shared == null) {
            // the same in-process server the service tests use: one start-up per test JVM
            shared = new LocalDynamo(org.cruddur.console.testing.LocalDynamoDb.endpoint());
        }
        return shared;
    }

    /** A server on {@code port} (e.g. one that was down until now); close it when done. */
    public static LocalDynamo startAt(int port) {
        return new LocalDynamo(port);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return endpoint;
    }

    /** A fresh table name, so tests sharing the server never see each other's data. */
    public static String uniqueTable(String prefix) {
        return prefix + "-" + TABLES.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    public static ConnectionProfile profile(String name, String endpoint, String table, boolean readOnly) {
        return new ConnectionProfile(name, ConnectionProfile.Kind.ENDPOINT, endpoint, null, null, table, null, null, readOnly);
    }

    public ConnectionProfile profile(String name, String table) {
        return profile(name, endpoint(), table, false);
    }

    /** Creates {@code table} and seeds it with the demo users. */
    public void seed(String table, int conversations, int messages) {
        try (MessagesTable t = new MessagesTable(DynamoSession.open(profile("seeder", table), null, true, s -> { }), SeedUsers.DEFAULT)) {
            t.schema().load();
            if (conversations > 0) {
                t.seeder().seed(new SeedPlan(SeedUsers.DEFAULT, conversations, messages), (d, n) -> { }, () -> false);
            }
        }
    }

    public MessagesTable open(String table) {
        return new MessagesTable(DynamoSession.open(profile("reader", table), null, true, s -> { }), SeedUsers.DEFAULT);
    }

    @Override
    public void close() {
        if (server == null) {
            return; // the shared server lives as long as the test JVM
        }
        try {
            server.stop();
        } catch (Exception e) {
            // stopping a test server: nothing to do about a failure
        }
    }
}
