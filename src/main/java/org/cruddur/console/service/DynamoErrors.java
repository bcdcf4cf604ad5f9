package org.cruddur.console.service;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Turns SDK failures into {@link ConsoleException}s with one line a person can act on. */
public final class DynamoErrors {

    private DynamoErrors() {
    }

    public static ConsoleException translate(Throwable error, String endpoint, String table) {
        if (error instanceof ConsoleException ce) {
            return ce;
        }
        String where = endpoint == null ? "AWS" : endpoint;
        if (error instanceof ResourceNotFoundException) {
            return new ConsoleException(ConsoleException.Kind.TABLE_MISSING,
                    "Table '" + table + "' does not exist at " + where, error);
        }
        if (error instanceof ProvisionedThroughputExceededException || error instanceof RequestLimitExceededException
                || error instanceof AwsServiceException ase && ase.isThrottlingException()) {
            return new ConsoleException(ConsoleException.Kind.THROTTLED,
                    "DynamoDB is throttling requests to '" + table + "' (retried; try again later or raise capacity)", error);
        }
        if (error instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() == null ? "" : String.valueOf(ase.awsErrorDetails().errorCode());
            if (ase.statusCode() == 403 || code.contains("UnrecognizedClient") || code.contains("InvalidSignature")
                    || code.contains("ExpiredToken") || code.contains("AccessDenied") || code.contains("MissingAuthenticationToken")) {
                return new ConsoleException(ConsoleException.Kind.CREDENTIALS,
                        "Access denied by " + where + " (" + code + "): check the AWS credentials, profile and region", error);
            }
            return new ConsoleException(ConsoleException.Kind.OTHER, where + " refused the request: " + oneLine(error), error);
        }
        if (error instanceof AbortedException || error instanceof InterruptedException) {
            return new ConsoleException(ConsoleException.Kind.CANCELLED, "Cancelled", error);
        }
        Throwable root = rootCause(error);
        if (root instanceof ConnectException || root instanceof NoRouteToHostException || root instanceof UnknownHostException
                || root instanceof SocketTimeoutException || error instanceof ApiCallTimeoutException) {
            return new ConsoleException(ConsoleException.Kind.UNREACHABLE,
                    "Cannot reach DynamoDB at " + where + " (" + describe(root) + ")", error);
        }
        if (error instanceof SdkClientException) {
            String message = String.valueOf(error.getMessage());
            String lower = message.toLowerCase(Locale.ROOT);
            if (lower.contains("credentials") || lower.contains("token") || lower.contains("sso")) {
                return new ConsoleException(ConsoleException.Kind.CREDENTIALS, "No usable AWS credentials: " + firstSentence(message), error);
            }
            if (lower.contains("region")) {
                return new ConsoleException(ConsoleException.Kind.CONFIG, "No AWS region: set one in the profile, --region or AWS_REGION", error);
            }
            if (lower.contains("unable to execute http request") || lower.contains("connect")) {
                return new ConsoleException(ConsoleException.Kind.UNREACHABLE,
                        "Cannot reach DynamoDB at " + where + " (" + describe(root) + ")", error);
            }
        }
        return new ConsoleException(ConsoleException.Kind.OTHER, oneLine(error), error);
    }

    /** The first line of a failure's message, without the SDK's service/request-id suffix. */
    public static String oneLine(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            message = error.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        if (nl >= 0) {
            message = message.substring(0, nl);
        }
        int svc = message.indexOf(" (Service: ");
        return svc > 0 ? message.substring(0, svc) : message;
    }

    private static String firstSentence(String message) {
        String line = message.split("\n")[0];
        int end = line.indexOf(". ");
        return end > 0 ? line.substring(0, end + 1) : line;
    }

    private static String describe(Throwable root) {
        if (root instanceof ConnectException) {
            return "connection refused";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + root.getMessage();
        }
        if (root instanceof SocketTimeoutException) {
            return "timed out";
        }
        return oneLine(root);
    }

    private static Throwable rootCause(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
