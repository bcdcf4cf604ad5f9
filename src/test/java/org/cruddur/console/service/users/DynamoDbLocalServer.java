package org.cruddur.console.service.users;

import java.net.URI;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/** DynamoDB Local 3.1.0 in-process over HTTP (in memory, one shared database), one per test JVM, started on first use. */
public final class DynamoDbLocalServer {

    private static URI endpoint;

    private DynamoDbLocalServer() {
    }

    public static synchronized URI endpoint() {
        if (endpoint == null) {
            String port = Integer.toString(CognitoLocalServer.freePort());
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                        new String[] {"-inMemory", "-sharedDb", "-port", port});
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (Exception ignored) {
                        // the JVM is ending
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start DynamoDB Local: " + e.getMessage(), e);
            }
            endpoint = URI.create("http://127.0.0.1:" + port);
        }
        return endpoint;
    }
}
