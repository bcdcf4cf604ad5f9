package org.cruddur.console.service.dynamodblocal;

import java.nio.file.Path;

/**
 * A stand-in for a console in its own JVM, for the lifetime tests: starts the embedded DynamoDB Local on a data
 * folder, prints {@code ready <pid> <port> <owned>}, and runs until killed.
 */
public final class ServerOwnerProgram {

    private ServerOwnerProgram() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDynamoDbLocal local = EmbeddedDynamoDbLocal.start(Path.of(args[0]), s -> { });
        System.out.println("ready " + local.pid() + " " + local.port() + " " + local.owned());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
