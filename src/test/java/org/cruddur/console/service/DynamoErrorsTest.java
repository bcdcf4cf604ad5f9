package org.cruddur.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import org.cruddur.console.config.ConnectionProfile;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Failures that cannot be provoked on DynamoDB Local (throttling, AWS credentials) become one-line typed errors. */
class DynamoErrorsTest {

    @Test
    void throttling() {
        ConsoleException e = DynamoErrors.translate(ProvisionedThroughputExceededException.builder().message("slow down").build(), null, "t");
        assertThat(e.kind()).isEqualTo(ConsoleException.Kind.THROTTLED);
        assertThat(e.getMessage()).isEqualTo("DynamoDB is throttling requests to 't' (retried; try again later or raise capacity)");
        ConsoleException generic = DynamoErrors.translate(DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build()).message("Rate exceeded").build(), null, "t");
        assertThat(generic.kind()).isEqualTo(ConsoleException.Kind.THROTTLED);
    }

    @Test
    void badCredentialsAndMissingTable() {
        ConsoleException denied = DynamoErrors.translate(DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnrecognizedClientException").build())
                .message("The security token included in the request is invalid.").build(), null, "t");
        assertThat(denied.kind()).isEqualTo(ConsoleException.Kind.CREDENTIALS);
        assertThat(denied.getMessage()).isEqualTo("AWS does not accept the credentials of this connection"
                + " (UnrecognizedClientException): check the access keys, or sign in again");
        ConsoleException noCredentials = DynamoErrors.translate(SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(...)"), null, "t");
        assertThat(noCredentials.kind()).isEqualTo(ConsoleException.Kind.CREDENTIALS);
        assertThat(noCredentials.getMessage()).doesNotContain("\n");
        ConsoleException missing = DynamoErrors.translate(ResourceNotFoundException.builder().message("Cannot do operations on a non-existent table").build(),
                "http://localhost:8000", "cruddur-messages");
        assertThat(missing.getMessage()).isEqualTo("Table 'cruddur-messages' does not exist at http://localhost:8000");
    }

    @Test
    void clockSkewSaysBySoMuchAndWhatToDo() {
        String awsTime = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(7));
        ConsoleException e = DynamoErrors.translate(DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InvalidSignatureException")
                        .errorMessage("Signature expired: 20261202T170000Z is now earlier than 20261202T170100Z")
                        .sdkHttpResponse(software.amazon.awssdk.http.SdkHttpResponse.builder().statusCode(400)
                                .putHeader("Date", awsTime).build()).build())
                .message("Signature expired").build(), null, "t", "prod-sso");
        assertThat(e.kind()).isEqualTo(ConsoleException.Kind.CREDENTIALS);
        assertThat(e.getMessage()).isEqualTo("AWS refused the request because this computer's clock is off by about"
                + " 7 minutes (ahead of AWS) (InvalidSignatureException): set the clock right (turn on time sync)");
    }

    @Test
    void expiredTemporaryCredentialsAskForASignIn() {
        ConsoleException e = DynamoErrors.translate(DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ExpiredTokenException").build())
                .message("The security token included in the request is expired").build(), null, "t", "prod-sso");
        assertThat(e.kind()).isEqualTo(ConsoleException.Kind.SIGN_IN);
        assertThat(e.getMessage()).startsWith("AWS profile 'prod-sso': the temporary AWS credentials expired");
    }

    @Test
    void unreachable() {
        ConsoleException e = DynamoErrors.translate(SdkClientException.create("Unable to execute HTTP request: Connection refused",
                new ConnectException("Connection refused")), "http://localhost:8000", "t");
        assertThat(e.kind()).isEqualTo(ConsoleException.Kind.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("Cannot reach DynamoDB at http://localhost:8000 (connection refused)");
    }

    @Test
    void anAwsEndpointKeepsRealCredentialsAndTheWriteLock() {
        ConnectionProfile aws = ConnectionProfile.forEndpoint("https://dynamodb.eu-west-1.amazonaws.com");
        assertThat(aws.kind()).isEqualTo(ConnectionProfile.Kind.AWS);
        assertThat(aws.writesLockedByDefault()).isTrue();
        assertThat(ConnectionProfile.forEndpoint("http://localhost:8000").writesLockedByDefault()).isFalse();
    }
}
