package org.cruddur.console.service.session;

import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.DynamoErrors;
import org.cruddur.console.service.oplog.OperationLog;
import org.cruddur.console.service.oplog.OperationLogInterceptor;
import org.cruddur.console.service.dynamodblocal.EmbeddedDynamoDbLocal;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.aws.AwsAccess;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClientBuilder;

/**
 * An open connection to one table through one profile: the DynamoDB client, the operation log, the write lock, and,
 * for the embedded profile, the DynamoDB Local child process it started. Every service call goes through
 * {@link #call} so failures arrive as {@link ConsoleException}s.
 */
public final class DynamoSession implements AutoCloseable {

    private static final Region LOCAL_REGION = Region.US_EAST_1;

    private final ConnectionProfile profile;
    private final DynamoDbClient client;
    private final OperationLog log;
    private final EmbeddedDynamoDbLocal embedded;
    private final String endpoint;
    private final String region;
    private final AwsAccess aws;
    /** The AWS profile whose credentials the client uses (null off AWS), named in credential errors. */
    private final String awsProfile;
    private final AwsCredentialsProvider credentials;
    private volatile boolean writesUnlocked;
    /** The same region, credentials, endpoint and operation log as {@link #client}, built on first use. */
    private final java.util.function.Supplier<DynamoDbStreamsClient> streamsFactory;
    private DynamoDbStreamsClient streams;
    private boolean closed;

    private DynamoSession(ConnectionProfile profile, DynamoDbClient client, OperationLog log, EmbeddedDynamoDbLocal embedded,
                          String endpoint, String region, boolean writesUnlocked, AwsAccess aws,
                          AwsCredentialsProvider credentials, java.util.function.Supplier<DynamoDbStreamsClient> streamsFactory) {
        this.profile = profile;
        this.aws = aws;
        this.awsProfile = profile.onAws() ? aws.profileName(profile.awsProfile()) : null;
        this.credentials = credentials;
        this.client = client;
        this.streamsFactory = streamsFactory;
        this.log = log;
        this.embedded = embedded;
        this.endpoint = endpoint;
        this.region = region;
        this.writesUnlocked = writesUnlocked;
    }

    /**
     * Opens a session. For the embedded profile this starts DynamoDB Local (about two seconds), so call it off any UI
     * thread. {@code allowWrites} unlocks writes on profiles that lock them by default.
     */
    public static DynamoSession open(ConnectionProfile profile, AppDirectories dirs, boolean allowWrites, Consumer<String> status) {
        return open(profile, dirs, allowWrites, status, AwsAccess.standard());
    }

    /** @param aws where the AWS profiles, the SSO token cache and the sign-in endpoints are, and who answers MFA prompts */
    public static DynamoSession open(ConnectionProfile profile, AppDirectories dirs, boolean allowWrites, Consumer<String> status,
                                     AwsAccess aws) {
        OperationLog log = new OperationLog();
        EmbeddedDynamoDbLocal embedded = null;
        String endpoint = profile.endpoint();
        if (profile.kind() == ConnectionProfile.Kind.EMBEDDED) {
            // the client is built while the child JVM boots; it waits for the server below
            embedded = EmbeddedDynamoDbLocal.launch(dirs.dataDir(), false);
            endpoint = embedded.endpoint().toString();
        }
        try {
            DynamoDbClientBuilder builder = DynamoDbClient.builder()
                    .httpClientBuilder(ApacheHttpClient.builder()
                            .maxConnections(64)
                            .connectionTimeout(Duration.ofSeconds(3))
                            .socketTimeout(Duration.ofSeconds(30)));
            String region;
            AwsCredentialsProvider credentials;
            URI override;
            if (profile.onAws()) {
                region = awsRegion(profile, aws);
                credentials = aws.credentials(profile.awsProfile());
                override = endpoint != null && !endpoint.isBlank() ? URI.create(endpoint) : null; // e.g. a VPC or FIPS endpoint
            } else {
                region = profile.region() == null || profile.region().isBlank() ? LOCAL_REGION.id() : profile.region();
                credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
                override = URI.create(endpoint);
            }
            builder.region(Region.of(region)).credentialsProvider(credentials);
            if (override != null) {
                builder.endpointOverride(override);
            }
            String shownEndpoint = endpoint;
            builder.overrideConfiguration(o -> o
                    .addExecutionInterceptor(new OperationLogInterceptor(log, shownEndpoint, region))
                    .addExecutionInterceptor(new FailedCallNaming())
                    .apiCallTimeout(Duration.ofSeconds(120)));
            DynamoDbClient client = builder.build();
            // DynamoDB Local (and any local endpoint) serves streams on the table's own endpoint; on AWS the streams
            // API has its own host (streams.dynamodb.<region>), which a table endpoint override (VPC, FIPS) is not
            boolean localEndpoint = !profile.onAws();
            java.util.function.Supplier<DynamoDbStreamsClient> streams = () -> {
                DynamoDbStreamsClientBuilder b = DynamoDbStreamsClient.builder()
                        .httpClientBuilder(ApacheHttpClient.builder()
                                .maxConnections(8)
                                .connectionTimeout(Duration.ofSeconds(3))
                                .socketTimeout(Duration.ofSeconds(30)))
                        .region(Region.of(region))
                        .credentialsProvider(credentials)
                        .overrideConfiguration(o -> o
                                .addExecutionInterceptor(new OperationLogInterceptor(log, shownEndpoint, region))
                                .apiCallTimeout(Duration.ofSeconds(60)));
                if (localEndpoint) {
                    b.endpointOverride(override);
                }
                return b.build();
            };
            if (embedded != null) {
                try {
                    embedded.awaitReady(status);
                } catch (RuntimeException notStarted) {
                    client.close();
                    throw notStarted;
                }
            }
            return new DynamoSession(profile, client, log, embedded, endpoint, region, allowWrites, aws, credentials, streams);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e instanceof SdkException ? DynamoErrors.translate(e, endpoint, profile.tableName(),
                    profile.onAws() ? aws.profileName(profile.awsProfile()) : null) : e;
        }
    }

    private static String awsRegion(ConnectionProfile profile, AwsAccess aws) {
        if (profile.region() == null || profile.region().isBlank()) {
            // the region of the AWS profile in the files this session reads (they may not be the default ones)
            java.util.Optional<String> fromFiles = aws.findSettings(profile.awsProfile())
                    .map(org.cruddur.console.service.aws.AwsProfileSettings::region).filter(r -> !r.isBlank());
            if (fromFiles.isPresent()) {
                return fromFiles.get();
            }
        }
        return configuredRegion(profile).orElseThrow(() -> new ConsoleException(ConsoleException.Kind.CONFIG,
                "No AWS region for profile '" + profile.name() + "': set region in the profile, --region, or AWS_REGION"));
    }

    /** The profile's region, else the one the AWS provider chain (env, ~/.aws, the named profile) gives, if any. */
    public static java.util.Optional<String> configuredRegion(ConnectionProfile profile) {
        if (profile.region() != null && !profile.region().isBlank()) {
            return java.util.Optional.of(profile.region());
        }
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            if (profile.awsProfile() != null && !profile.awsProfile().isBlank()) {
                chain.profileName(profile.awsProfile());
            }
            return java.util.Optional.of(chain.build().getRegion().id());
        } catch (SdkException e) {
            return java.util.Optional.empty();
        }
    }

    /** The credentials a real-AWS profile uses: its named profile in ~/.aws (SSO included), else the default chain. */
    public static AwsCredentialsProvider awsCredentials(ConnectionProfile profile) {
        return AwsAccess.standard().credentials(profile.awsProfile());
    }

    /** Runs one DynamoDB call, turning SDK failures into one-line {@link ConsoleException}s. */
    public <T> T call(Function<DynamoDbClient, T> action) {
        try {
            return action.apply(client);
        } catch (SdkException e) {
            throw DynamoErrors.translate(e, endpoint, tableName(), awsProfile);
        }
    }

    public DynamoDbClient client() {
        return client;
    }

    /** The AWS profile the session's credentials come from; null off AWS. */
    public String awsProfile() {
        return awsProfile;
    }

    /** The AWS files, sign-in endpoints and MFA prompt the session was opened with (sign in again through these). */
    public AwsAccess aws() {
        return aws;
    }

    /** The table's DynamoDB Streams client (same credentials, region and operation log), built on first use. */
    public synchronized DynamoDbStreamsClient streams() {
        if (closed) {
            throw new ConsoleException(ConsoleException.Kind.CANCELLED, "The connection to '" + tableName() + "' is closed");
        }
        if (streams == null) {
            streams = streamsFactory.get();
        }
        return streams;
    }

    /** Runs one DynamoDB Streams call, turning SDK failures into one-line {@link ConsoleException}s. */
    public <T> T callStreams(Function<DynamoDbStreamsClient, T> action) {
        DynamoDbStreamsClient c = streams();
        try {
            return action.apply(c);
        } catch (SdkException e) {
            throw DynamoErrors.translate(e, endpoint, tableName(), awsProfile);
        }
    }

    public ConnectionProfile profile() {
        return profile;
    }

    public String tableName() {
        return profile.tableName();
    }

    public OperationLog log() {
        return log;
    }

    /** The endpoint URL, or null for real AWS. */
    public String endpoint() {
        return endpoint;
    }

    public String region() {
        return region;
    }

    /** Where this session talks to, for people: "embedded DynamoDB Local (http://127.0.0.1:41234)". */
    public String describeTarget() {
        return switch (profile.kind()) {
            case EMBEDDED -> "embedded DynamoDB Local (" + endpoint + ")";
            case ENDPOINT -> endpoint;
            case AWS -> "AWS " + region + (profile.awsProfile() == null ? "" : " (profile " + profile.awsProfile() + ")");
        };
    }

    public boolean writesAllowed() {
        return writesUnlocked || !profile.writesLockedByDefault();
    }

    public void unlockWrites() {
        writesUnlocked = true;
    }

    public void lockWrites() {
        writesUnlocked = false;
    }

    /** Refuses a write on a locked profile, before anything is sent. */
    public void requireWrites(String action) {
        if (!writesAllowed()) {
            throw new ConsoleException(ConsoleException.Kind.READ_ONLY, "Profile '" + profile.name() + "' is read-only: "
                    + action + " refused");
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (streams != null) {
                streams.close();
            }
        }
        client.close();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
