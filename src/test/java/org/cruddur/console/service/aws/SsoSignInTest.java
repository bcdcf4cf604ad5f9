package org.cruddur.console.service.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.DynamoErrors;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** IAM Identity Center sign-in and credentials against local stand-ins for AWS (see {@link FakeAws}). */
class SsoSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    FakeAws fake;
    AwsHome home;
    AwsAccess access;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeAws();
        home = new AwsHome(dir);
        access = home.access(fake, MfaPrompt.NONE);
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private SsoToken signIn(String profile, List<DeviceAuthorization> shown) {
        return access.signIn(profile, shown::add);
    }

    @Test
    void deviceFlowWritesTheSharedCacheFileThatTheSdkReadsInAnotherProcess() throws Exception {
        List<DeviceAuthorization> shown = new ArrayList<>();
        SsoToken token = signIn("prod-sso", shown);

        assertThat(shown).singleElement().satisfies(a -> {
            assertThat(a.userCode()).isEqualTo("WDQB-XTLK");
            assertThat(a.pageToOpen()).endsWith("user_code=WDQB-XTLK");
        });
        assertThat(fake.calls).containsSubsequence("RegisterClient", "StartDeviceAuthorization", "CreateToken(pending)", "CreateToken");
        // the AWS CLI's file name for an sso-session profile: SHA-1 of the session name
        Path file = home.files.tokenCacheDir().resolve(SsoTokenCache.sha1Hex("corp") + ".json");
        assertThat(SsoTokenCache.sha1Hex("corp")).hasSize(40);
        JsonNode cached = JSON.readTree(file.toFile());
        assertThat(cached.get("accessToken").asText()).isEqualTo(token.accessToken());
        assertThat(cached.get("startUrl").asText()).isEqualTo("https://corp.awsapps.com/start");
        assertThat(cached.get("region").asText()).isEqualTo("us-east-1");
        assertThat(cached.get("clientId").asText()).isEqualTo("client-1");
        assertThat(cached.get("clientSecret").asText()).isEqualTo("secret-1");
        assertThat(cached.get("refreshToken").asText()).isEqualTo("refresh-" + token.accessToken());
        assertThat(Instant.parse(cached.get("expiresAt").asText())).isAfter(Instant.now().plusSeconds(7 * 3600));
        assertThat(Instant.parse(cached.get("registrationExpiresAt").asText())).isAfter(Instant.now().plusSeconds(80 * 86400L));

        // a separate JVM with HOME at the temporary home, using only the SDK's own provider, finds that token
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SdkReadsTokenProgram.class.getName(), "prod-sso").redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("AWS_ENDPOINT_URL_SSO", fake.url().toString());
        pb.environment().put("AWS_ENDPOINT_URL_SSO_OIDC", fake.url().toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).contains("key=ASIAFAKESupportReadOnly");
        assertThat(fake.bearerTokens).contains(token.accessToken());
    }

    @Test
    void pollingWaitsLongerWhenAskedToSlowDownAndStillSignsIn() {
        fake.pendingPolls = 0;
        fake.slowDownPolls = 1;
        List<String> said = new ArrayList<>();
        SsoToken token = access.signIn("prod-sso", new SignInProgress() {
            @Override
            public void authorize(DeviceAuthorization authorization) {
            }

            @Override
            public void message(String text) {
                said.add(text);
            }
        });
        assertThat(fake.calls).containsSubsequence("StartDeviceAuthorization", "CreateToken(slow_down)", "CreateToken");
        assertThat(token.accessToken()).startsWith("sso-token-");
        assertThat(said).contains("Waiting for approval in the browser (code WDQB-XTLK)…");
    }

    @Test
    void legacyProfilesCacheUnderTheStartUrlsHashWithoutARegistration() throws Exception {
        SsoToken token = signIn("legacy", new ArrayList<>());
        Path file = home.files.tokenCacheDir().resolve(SsoTokenCache.sha1Hex("https://legacy.awsapps.com/start") + ".json");
        JsonNode cached = JSON.readTree(file.toFile());
        assertThat(cached.get("accessToken").asText()).isEqualTo(token.accessToken());
        assertThat(cached.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(cached.has("clientId")).isFalse();
        assertThat(cached.has("refreshToken")).isFalse();
    }

    @Test
    void aTokenFileWrittenByTheAwsCliGivesCredentials() throws Exception {
        // byte for byte what AWS CLI v2 writes after `aws sso login --sso-session corp`
        String cliFile = """
                {"startUrl": "https://corp.awsapps.com/start", "region": "us-east-1", "accessToken": "aoaAAAAAGdummy-cli-token", \
                "expiresAt": "%s", "clientId": "cli-client", "clientSecret": "cli-secret", \
                "registrationExpiresAt": "2027-03-01T10:00:00Z", "refreshToken": "aorAAAAAGdummy"}""".formatted(
                Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        Files.createDirectories(home.files.tokenCacheDir());
        // the CLI's name for it: SHA-1 of "corp" (from sha1sum, not from the console's code)
        Files.writeString(home.files.tokenCacheDir().resolve("ee0bfd2552fbd840c02cc48b6e823320543c450f.json"), cliFile);
        fake.acceptToken("aoaAAAAAGdummy-cli-token");

        AwsCredentialsProvider credentials = access.credentials("prod-sso");
        try {
            AwsCredentials c = credentials.resolveCredentials();
            assertThat(c.accessKeyId()).startsWith("ASIAFAKESupportReadOnly");
        } finally {
            ((SdkAutoCloseable) credentials).close();
        }
        assertThat(fake.bearerTokens).containsExactly("aoaAAAAAGdummy-cli-token");
        assertThat(fake.calls).contains("GetRoleCredentials(111122223333/SupportReadOnly)");
        assertThat(access.signInExpiry("prod-sso")).get().matches(e -> e.isAfter(Instant.now()));
    }

    @Test
    void anExpiredTokenIsOneLineThatSaysToSignIn() throws Exception {
        signIn("legacy", new ArrayList<>());
        Path file = home.files.tokenCacheDir().resolve(SsoTokenCache.sha1Hex("https://legacy.awsapps.com/start") + ".json");
        ObjectMapper m = new ObjectMapper();
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(file.toFile());
        node.put("expiresAt", "2020-01-01T00:00:00Z");
        m.writeValue(file.toFile(), node);

        AwsCredentialsProvider credentials = access.credentials("legacy");
        assertThatThrownBy(credentials::resolveCredentials).isInstanceOfSatisfying(SignInRequired.class, e -> {
            assertThat(e.kind()).isEqualTo(ConsoleException.Kind.SIGN_IN);
            assertThat(e.getMessage()).isEqualTo("AWS profile 'legacy': the IAM Identity Center sign-in expired at 2020-01-01 00:00 UTC");
        });
        ((SdkAutoCloseable) credentials).close();
    }

    @Test
    void anExpiredSessionTokenIsRefreshedWithoutASignIn() throws Exception {
        fake.tokenSeconds = 30; // inside the one-minute stale window: the next use refreshes it
        SsoToken first = signIn("prod-sso", new ArrayList<>());
        fake.tokenSeconds = 3600;
        SsoToken current = access.currentToken(access.settings("prod-sso"));
        assertThat(current.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(fake.calls).contains("CreateToken(refresh)");
        assertThat(new SsoTokenCache(home.files.tokenCacheDir()).read(access.settings("prod-sso")).orElseThrow().accessToken())
                .isEqualTo(current.accessToken());
    }

    @Test
    void aDynamoDbCallWithoutSignInFailsInOneLineNamingTheProfile() {
        ConnectionProfile profile = new ConnectionProfile("prod", ConnectionProfile.Kind.AWS, LocalDynamoDb.endpoint(), "us-east-1",
                "prod-sso", "cruddur-messages", null, null, true);
        try (DynamoSession session = DynamoSession.open(profile, LocalDynamoDb.dirs(), false, s -> { }, access)) {
            assertThatThrownBy(() -> session.call(c -> c.listTables())).isInstanceOfSatisfying(SignInRequired.class, e -> {
                assertThat(e.getMessage()).startsWith("AWS profile 'prod-sso' is not signed in to IAM Identity Center");
                assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("CredentialsProviderChain");
            });
            // after signing in, the same open session works against DynamoDB (Local, standing in for AWS)
            signIn("prod-sso", new ArrayList<>());
            assertThat(session.call(c -> c.listTables()).tableNames()).isNotNull();
        }
    }

    @Test
    void accessDeniedNamesTheIamActionAndTheIndexFromTheFailedRequest() throws Exception {
        signIn("prod-sso", new ArrayList<>());
        ConnectionProfile profile = new ConnectionProfile("prod", ConnectionProfile.Kind.AWS, fake.url().toString(), "us-east-1",
                "prod-sso", "cruddur-messages", null, null, true);
        try (DynamoSession session = DynamoSession.open(profile, LocalDynamoDb.dirs(), false, s -> { }, access)) {
            assertThatThrownBy(() -> session.call(c -> c.query(q -> q.tableName("cruddur-messages")
                    .indexName("message-group-sk-index").keyConditionExpression("message_group_uuid = :g")
                    .expressionAttributeValues(java.util.Map.of(":g", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x"))))))
                    .isInstanceOfSatisfying(ConsoleException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ConsoleException.Kind.CREDENTIALS);
                        assertThat(e.getMessage()).startsWith("AWS profile 'prod-sso' may not dynamodb:Query on index"
                                + " message-group-sk-index of table cruddur-messages (AccessDeniedException");
                    });
            assertThatThrownBy(() -> session.call(c -> c.describeTable(d -> d.tableName("cruddur-messages"))))
                    .hasMessageContaining("may not dynamodb:DescribeTable on table cruddur-messages");
        }
    }

    @Test
    void aRoleWithMfaAsksForTheCodeAndAssumesTheRole() {
        List<String> asked = new ArrayList<>();
        AwsAccess withMfa = home.access(fake, (profile, serial) -> {
            asked.add(profile + " " + serial);
            return FakeAws.MFA_CODE;
        });
        CallerIdentity id = withMfa.whoAmI("admin", null);
        assertThat(asked).containsExactly("admin arn:aws:iam::111122223333:mfa/alice");
        assertThat(fake.stsCalls).anySatisfy(call -> {
            assertThat(call.get("Action")).isEqualTo("AssumeRole");
            assertThat(call.get("RoleArn")).isEqualTo("arn:aws:iam::111122223333:role/Admin");
            assertThat(call.get("SerialNumber")).isEqualTo("arn:aws:iam::111122223333:mfa/alice");
            assertThat(call.get("TokenCode")).isEqualTo(FakeAws.MFA_CODE);
        });
        assertThat(id.account()).isEqualTo(FakeAws.ACCOUNT);

        AwsAccess wrongCode = home.access(fake, (profile, serial) -> "654321");
        assertThatThrownBy(() -> wrongCode.whoAmI("admin", null)).isInstanceOfSatisfying(ConsoleException.class, e ->
                assertThat(e.getMessage()).isEqualTo("AWS profile 'admin': assuming role arn:aws:iam::111122223333:role/Admin"
                        + " failed (AccessDenied: MultiFactorAuthentication failed with invalid MFA one time pass code.);"
                        + " check role_arn, source_profile 'base', the MFA code and the role's trust policy"));
    }

    @Test
    void whoAmIGivesAccountRoleAndTheSignInsExpiry() {
        SsoToken token = signIn("prod-sso", new ArrayList<>());
        CallerIdentity id = access.whoAmI("prod-sso", null);
        assertThat(id.account()).isEqualTo(FakeAws.ACCOUNT);
        assertThat(id.roleOrUser()).isEqualTo(FakeAws.ROLE);
        assertThat(id.signInExpiresAt()).isEqualTo(token.expiry());
    }

    @Test
    void signOutEndsThePortalSessionAndDeletesTheToken() {
        signIn("prod-sso", new ArrayList<>());
        assertThat(access.signOut("prod-sso")).isTrue();
        assertThat(fake.calls).contains("Logout");
        assertThat(home.files.tokenCacheDir().resolve(SsoTokenCache.sha1Hex("corp") + ".json")).doesNotExist();
        assertThat(access.signOut("prod-sso")).isFalse();
    }

    @Test
    void noCredentialsAnywhereSaysWhereItLooked() {
        ConsoleException e = DynamoErrors.translate(software.amazon.awssdk.core.exception.SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(credentialsProviders=[...])"),
                null, "cruddur-messages", "prod");
        assertThat(e.getMessage()).startsWith("No AWS credentials found for AWS profile 'prod': looked in")
                .contains("~/.aws/credentials").doesNotContain("AwsCredentialsProviderChain");
    }
}
