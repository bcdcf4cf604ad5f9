package org.cruddur.console.service.dynamodblocal;

import org.cruddur.console.service.ConsoleException;

/**
 * The embedded profile needs DynamoDB Local and none is installed: a failure of its own type, so front ends can offer
 * the install (the desktop console's dialog, the CLI's {@code ddb local install}) without reading the message.
 */
public final class DynamoDbLocalMissing extends ConsoleException {

    public DynamoDbLocalMissing(String message) {
        super(Kind.CONFIG, message);
    }
}
