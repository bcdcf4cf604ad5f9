package org.cruddur.console.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.seeding.SeedUsers;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.dynamodb.services.local.main.ServerRunner;

/**
 * The real DynamoDB Local, in-process over HTTP, shared by every test of the run. Each test works on a table of
 * its own name, so tests stay independent without paying the server's start-up again.
 */
public final class LocalDynamoDb {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static String endpoint;
    private static DynamoDBProxyServer server;

    private LocalDynamoDb() {
    }

    public static synchronized String endpoint() {
        if (endpoint == null) {
            try {
                int port = freePort();
                server = ServerRunner.createServerFromCommandLineArgs(new String[] {"-inMemory", "-sharedDb", "-port", Integer.toString(port)});
                server.start();
                endpoint = "http://127.0.0.1:" + port;
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
        }
        return endpoint;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A fresh table name, unique in this run. */
    public static String uniqueTable(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + TABLES.incrementAndGet();
    }

    /** A profile on the shared server with a fresh table name (not created yet). */
    public static ConnectionProfile profile(String prefix) {
        return ConnectionProfile.forEndpoint(endpoint()).withTable(uniqueTable(prefix));
    }

    /** Temporary config/data folders, like CRUDDUR_CONSOLE_HOME would give. */
    public static AppDirectories dirs() {
        try {
            Path home = Files.createTempDirectory("cruddur-home");
            return new AppDirectories(home.resolve("config"), home.resolve("data"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An open table on a fresh table name, with the schema loaded. */
    public static MessagesTable freshTable(String prefix) {
        return freshTable(prefix, SeedUsers.DEFAULT);
    }

    public static MessagesTable freshTable(String prefix, List<ChatUser> seedUsers) {
        MessagesTable table = new MessagesTable(DynamoSession.open(profile(prefix), dirs(), false, s -> { }), seedUsers);
        table.schema().load();
        return table;
    }
}
