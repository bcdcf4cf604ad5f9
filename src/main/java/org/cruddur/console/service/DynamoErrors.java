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
        return translate(error, endpoint, table, null);
    }

    /**
     * @param awsProfile the AWS profile whose credentials the call used (named in credential errors), null for a
     *                   local endpoint or the default chain
     */
    public static ConsoleException translate(Throwable error, String endpoint, String table, String awsProfile) {
        if (error instanceof ConsoleException ce) {
            return ce;
        }
        // the console's own credential providers fail with a line of their own, wrapped by the SDK on the way out
        ConsoleException own = causeOfType(error, ConsoleException.class);
        if (own != null) {
            return own;
        }
        String where = endpoint == null ? "AWS" : endpoint;
        String who = awsProfile == null ? "The AWS credentials" : "AWS profile '" + awsProfile + "'";
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
            String text = String.valueOf(ase.awsErrorDetails() == null ? ase.getMessage() : ase.awsErrorDetails().errorMessage());
            if (ase.isClockSkewException() || text.contains("Signature expired") || code.contains("RequestTimeTooSkewed")) {
                return new ConsoleException(ConsoleException.Kind.CREDENTIALS, where + " refused the request because this"
                        + " computer's clock is off" + skew(ase) + " (" + code + "): set the clock right (turn on time sync)", error);
            }
            if (code.contains("ExpiredToken")) {
                return new ConsoleException(ConsoleException.Kind.SIGN_IN, who + ": the temporary AWS credentials expired ("
                        + code + "): sign in again or renew them", error);
            }
            if (code.contains("UnrecognizedClient") || code.contains("InvalidSignature") || code.contains("InvalidClientTokenId")
                    || code.contains("MissingAuthenticationToken") || code.contains("SignatureDoesNotMatch")) {
                return new ConsoleException(ConsoleException.Kind.CREDENTIALS, where + " does not accept the credentials of "
                        + (awsProfile == null ? "this connection" : "AWS profile '" + awsProfile + "'") + " (" + code
                        + "): check the access keys, or sign in again", error);
            }
            if (ase.statusCode() == 403 || code.contains("AccessDenied")) {
                return accessDenied(ase, who, code, table, where);
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
            if (lower.contains("unable to load credentials from any of the providers")) {
                return new ConsoleException(ConsoleException.Kind.CREDENTIALS, "No AWS credentials found for "
                        + (awsProfile == null ? "the default AWS profile" : "AWS profile '" + awsProfile + "'")
                        + ": looked in Java system properties, environment variables (AWS_ACCESS_KEY_ID), a web identity token, "
                        + "~/.aws/credentials and ~/.aws/config, the container and the EC2 instance metadata;"
                        + " set up the profile (aws configure, or aws configure sso)", error);
            }
            if (lower.contains("token is expired") || lower.contains("sso session associated with this profile has expired")
                    || lower.contains("sso/cache")) {
                return new ConsoleException(ConsoleException.Kind.SIGN_IN, who + ": the IAM Identity Center sign-in is missing"
                        + " or expired", error);
            }
            if (lower.contains("credentials") || lower.contains("token") || lower.contains("sso")) {
                return new ConsoleException(ConsoleException.Kind.CREDENTIALS, who + ": no usable AWS credentials ("
                        + shorten(firstSentence(message), 160) + ")", error);
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

    private static final java.util.regex.Pattern NOT_AUTHORIZED =
            java.util.regex.Pattern.compile("perform: (\\S+) on resource: (\\S+)");

    /** Names the IAM action and the table or index: from the failed request if the interceptor saw it, else AWS's text. */
    private static ConsoleException accessDenied(AwsServiceException ase, String who, String code, String table, String where) {
        FailedCall call = FailedCall.of(ase);
        String what;
        if (call != null) {
            what = call.action() + " on " + call.resource();
        } else {
            java.util.regex.Matcher m = NOT_AUTHORIZED.matcher(String.valueOf(ase.getMessage()));
            what = m.find() ? m.group(1) + " on " + resourceOf(m.group(2))
                    : "this call" + (table == null ? "" : " on table " + table);
        }
        return new ConsoleException(ConsoleException.Kind.CREDENTIALS, who + " may not " + what + " (" + code + " from "
                + where + "): ask for that permission in the role's IAM policy, or use another profile", ase);
    }

    /** "arn:aws:dynamodb:r:1:table/t/index/i" reads "index i of table t". */
    private static String resourceOf(String arn) {
        int slash = arn.indexOf("table/");
        if (slash < 0) {
            return arn;
        }
        String[] parts = arn.substring(slash).split("/");
        if (parts.length >= 4 && parts[2].equals("index")) {
            return "index " + parts[3] + " of table " + parts[1];
        }
        return "table " + parts[1];
    }

    /** " by about 7 minutes (behind)" from the answer's Date header, when it has one. */
    private static String skew(AwsServiceException ase) {
        try {
            String date = ase.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Date").orElse(null);
            if (date == null) {
                return "";
            }
            java.time.Instant server = java.time.ZonedDateTime.parse(date, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            long seconds = java.time.Duration.between(server, java.time.Instant.now()).getSeconds();
            String amount = Math.abs(seconds) >= 120 ? Math.abs(seconds) / 60 + " minutes" : Math.abs(seconds) + " seconds";
            return " by about " + amount + (seconds > 0 ? " (ahead of AWS)" : " (behind AWS)");
        } catch (RuntimeException unknown) {
            return "";
        }
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static <T extends Throwable> T causeOfType(Throwable error, Class<T> type) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = error.getCause(); t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
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
