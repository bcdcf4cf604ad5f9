package org.cruddur.console.service.users;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.DynamoErrors;
import org.cruddur.console.service.session.DynamoSession;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ListUsersRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The users of one Cognito user pool, read with ListUsers. Every page is followed (the SDK's paginator passes
 * PaginationToken on until Cognito stops sending one); filters Cognito understands are sent to it, others applied
 * here. Built like {@link DynamoSession} builds its DynamoDB client: a profile's {@code cognito_endpoint} (e.g.
 * cognito-local) gets the endpoint override and dummy credentials; otherwise real AWS with the profile's region (or
 * the one in the pool id) and credentials. Failures are {@link ConsoleException}s with one line.
 */
public final class CognitoUserSource implements AutoCloseable {

    /** ListUsers' largest page. */
    static final int PAGE_SIZE = 60;
    private static final Pattern REGION_IN_POOL_ID = Pattern.compile("([a-z]{2}(-[a-z]+)+-\\d)_.+");

    private final CognitoIdentityProviderClient client;
    private final String userPoolId;
    private final String endpoint;

    public CognitoUserSource(CognitoIdentityProviderClient client, String userPoolId, String endpoint) {
        this.client = client;
        this.userPoolId = userPoolId;
        this.endpoint = endpoint;
    }

    /** Why a profile has no Cognito source ("no user pool id ..."), or empty when it has one. */
    public static Optional<String> missingConfiguration(ConnectionProfile profile) {
        if (profile.userPoolId() == null || profile.userPoolId().isBlank()) {
            return Optional.of("Cognito is not configured for profile '" + profile.name()
                    + "' (no user pool id: set user_pool_id in the profile or pass --user-pool-id)");
        }
        return Optional.empty();
    }

    /** The profile's user pool, or empty when it names none. Builds a client; sends nothing yet. */
    public static Optional<CognitoUserSource> forProfile(ConnectionProfile profile) {
        if (missingConfiguration(profile).isPresent()) {
            return Optional.empty();
        }
        String poolId = profile.userPoolId().trim();
        CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(120)));
        String endpoint = profile.cognitoEndpoint();
        try {
            if (endpoint != null && !endpoint.isBlank()) {
                endpoint = endpoint.trim();
                builder.endpointOverride(URI.create(endpoint))
                        .region(Region.of(localRegion(profile, poolId)))
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            } else {
                endpoint = null;
                builder.region(Region.of(awsRegion(profile, poolId))).credentialsProvider(DynamoSession.awsCredentials(profile));
            }
            return Optional.of(new CognitoUserSource(builder.build(), poolId, endpoint));
        } catch (IllegalArgumentException e) {
            throw new ConsoleException(ConsoleException.Kind.CONFIG, "Cognito endpoint '" + endpoint + "' is not a URL");
        }
    }

    private static String localRegion(ConnectionProfile profile, String poolId) {
        var m = REGION_IN_POOL_ID.matcher(poolId);
        return m.matches() ? m.group(1) : Region.US_EAST_1.id();
    }

    private static String awsRegion(ConnectionProfile profile, String poolId) {
        var m = REGION_IN_POOL_ID.matcher(poolId);
        if (m.matches()) {
            return m.group(1);
        }
        return DynamoSession.configuredRegion(profile).orElseThrow(() -> new ConsoleException(ConsoleException.Kind.CONFIG,
                "No AWS region for user pool '" + poolId
                        + "': use a pool id of the form <region>_<id>, set region in the profile, --region, or AWS_REGION"));
    }

    public String userPoolId() {
        return userPoolId;
    }

    /** Where the pool lives, for people: "user pool local_abc at http://127.0.0.1:9229" or "... in AWS". */
    public String describeTarget() {
        return "user pool " + userPoolId + (endpoint == null ? " in AWS" : " at " + endpoint);
    }

    /** Every user of the pool, all pages. */
    public List<CognitoUser> list() {
        return list(null);
    }

    /**
     * The users a filter selects, all pages: a filter Cognito understands goes to Cognito, any other is applied to the
     * full list here. A null filter lists everyone.
     */
    public List<CognitoUser> list(CognitoFilter filter) {
        ListUsersRequest.Builder request = ListUsersRequest.builder().userPoolId(userPoolId).limit(PAGE_SIZE);
        boolean server = filter != null && filter.serverSide();
        if (server) {
            request.filter(filter.expression());
        }
        List<CognitoUser> users = new ArrayList<>();
        try {
            for (UserType user : client.listUsersPaginator(request.build()).users()) {
                CognitoUser u = toUser(user);
                if (filter == null || server || filter.matches(u)) {
                    users.add(u);
                }
            }
        } catch (SdkException e) {
            throw translate(e, filter);
        }
        return users;
    }

    static CognitoUser toUser(UserType user) {
        Map<String, String> attributes = new HashMap<>();
        if (user.hasAttributes()) {
            for (AttributeType a : user.attributes()) {
                if (a.name() != null && a.value() != null) {
                    attributes.put(a.name(), a.value());
                }
            }
        }
        return new CognitoUser(user.username(), blankToNull(attributes.get(CognitoUser.SUB)),
                blankToNull(attributes.get(CognitoUser.HANDLE)), blankToNull(attributes.get(CognitoUser.NAME)),
                blankToNull(attributes.get(CognitoUser.EMAIL)), user.enabled() == null || user.enabled(),
                user.userStatusAsString(), user.userCreateDate(), attributes);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private ConsoleException translate(SdkException e, CognitoFilter filter) {
        String where = endpoint == null ? "AWS" : endpoint;
        if (e instanceof ResourceNotFoundException) {
            return new ConsoleException(ConsoleException.Kind.NOT_FOUND,
                    "User pool '" + userPoolId + "' does not exist at " + where, e);
        }
        if (e instanceof InvalidParameterException) {
            return new ConsoleException(ConsoleException.Kind.VALIDATION, "Cognito refused "
                    + (filter == null ? "the request" : "filter '" + filter + "'") + ": " + DynamoErrors.oneLine(e), e);
        }
        if (e instanceof TooManyRequestsException) {
            return new ConsoleException(ConsoleException.Kind.THROTTLED, "Cognito is throttling ListUsers (try again later)", e);
        }
        if (e instanceof NotAuthorizedException || e instanceof AwsServiceException ase && ase.statusCode() == 403) {
            return new ConsoleException(ConsoleException.Kind.CREDENTIALS, "Access to " + describeTarget()
                    + " denied: check the AWS credentials, profile and region", e);
        }
        if (e instanceof AwsServiceException) {
            return new ConsoleException(ConsoleException.Kind.OTHER, where + " refused ListUsers: " + DynamoErrors.oneLine(e), e);
        }
        if (e instanceof AbortedException) {
            return new ConsoleException(ConsoleException.Kind.CANCELLED, "Cancelled", e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConnectException || root instanceof NoRouteToHostException || root instanceof UnknownHostException
                || root instanceof SocketTimeoutException || e instanceof ApiCallTimeoutException) {
            String why = root instanceof ConnectException ? "connection refused"
                    : root instanceof UnknownHostException ? "unknown host " + root.getMessage()
                    : root instanceof SocketTimeoutException || e instanceof ApiCallTimeoutException ? "timed out" : DynamoErrors.oneLine(root);
            return new ConsoleException(ConsoleException.Kind.UNREACHABLE, "Cannot reach Cognito at " + where + " (" + why + ")", e);
        }
        ConsoleException general = DynamoErrors.translate(e, endpoint, userPoolId);
        return new ConsoleException(general.kind(), "Cognito " + describeTarget() + ": " + general.getMessage(), e);
    }

    @Override
    public void close() {
        client.close();
    }
}
