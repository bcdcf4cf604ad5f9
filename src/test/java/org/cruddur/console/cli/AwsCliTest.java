package org.cruddur.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.config.ProfileStore;
import org.cruddur.console.service.aws.AwsAccess;
import org.cruddur.console.service.aws.AwsHome;
import org.cruddur.console.service.aws.FakeAws;
import org.cruddur.console.service.aws.MfaPrompt;
import org.cruddur.console.testing.LocalDynamoDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code aws login | whoami | logout} and the one-line credential errors, with a loopback stand-in for AWS. */
class AwsCliTest {

    @TempDir
    Path dir;
    FakeAws fake;
    AwsHome home;
    AppDirectories dirs;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeAws();
        home = new AwsHome(dir.resolve("home"));
        dirs = new AppDirectories(dir.resolve("config"), dir.resolve("data"));
        Files.createDirectories(dirs.configDir());
        ProfileStore store = ProfileStore.load(dirs.profilesFile());
        // DynamoDB Local stands in for DynamoDB; the credentials come from the (fake) IAM Identity Center
        store.put(new ConnectionProfile("support", ConnectionProfile.Kind.AWS, LocalDynamoDb.endpoint(), "us-east-1",
                "prod-sso", "cruddur-messages", null, null, true));
        store.put(new ConnectionProfile("admin", ConnectionProfile.Kind.AWS, LocalDynamoDb.endpoint(), "us-east-1",
                "admin", "cruddur-messages", null, null, true));
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private Result run(MfaPrompt mfa, String... args) {
        AwsAccess access = new AwsAccess(home.files, fake.endpoints(), mfa, Clock.systemUTC(), Map.of());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConsoleCommand.run(dirs, access, new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void loginShowsTheCodeAndPageThenWhoAmIAndLogout() throws Exception {
        Result before = run(MfaPrompt.NONE, "--profile", "support", "ddb", "list-tables");
        assertThat(before.code()).isEqualTo(1);
        assertThat(before.err().strip()).doesNotContain("\n")
                .isEqualTo("error: AWS profile 'prod-sso' is not signed in to IAM Identity Center (no token in "
                        + home.files.tokenCacheDir() + ") (sign in: cruddur-console --profile support aws login)");

        Result login = run(MfaPrompt.NONE, "--profile", "support", "aws", "login", "--no-browser");
        assertThat(login.code()).isZero();
        assertThat(login.err()).contains("WDQB-XTLK").contains(fake.url() + "/start/#/device?user_code=WDQB-XTLK");
        assertThat(login.out()).startsWith("Signed in AWS profile 'prod-sso' until ");

        assertThat(run(MfaPrompt.NONE, "--profile", "support", "ddb", "list-tables").code()).isZero();

        Result who = run(MfaPrompt.NONE, "--profile", "support", "aws", "whoami", "--json");
        assertThat(who.code()).isZero();
        JsonNode json = new ObjectMapper().readTree(who.out());
        assertThat(json.get("aws_profile").asText()).isEqualTo("prod-sso");
        assertThat(json.get("account").asText()).isEqualTo(FakeAws.ACCOUNT);
        assertThat(json.get("arn").asText()).isEqualTo("arn:aws:sts::111122223333:assumed-role/SupportReadOnly/alice");
        assertThat(json.get("role").asText()).isEqualTo("SupportReadOnly");
        assertThat(Instant.parse(json.get("expires_at").asText())).isAfter(Instant.now());
        assertThat(json.get("seconds_left").asLong()).isBetween(7 * 3600L, 8 * 3600L);

        Result text = run(MfaPrompt.NONE, "--profile", "support", "aws", "whoami");
        assertThat(text.out()).contains("account:     111122223333").contains("left)");

        Result logout = run(MfaPrompt.NONE, "--profile", "support", "aws", "logout");
        assertThat(logout.out().strip()).isEqualTo("Signed out AWS profile 'prod-sso'");
        Result after = run(MfaPrompt.NONE, "--profile", "support", "aws", "whoami");
        assertThat(after.code()).isEqualTo(1);
        assertThat(after.err()).contains("aws login");
    }

    @Test
    void theMfaCodeIsReadFromTheTerminal() {
        StringWriter prompts = new StringWriter();
        TerminalMfa terminal = new TerminalMfa(new BufferedReader(new StringReader(FakeAws.MFA_CODE + "\n")), new PrintWriter(prompts));
        Result who = run(terminal, "--profile", "admin", "aws", "whoami", "--json");
        assertThat(who.code()).isZero();
        assertThat(prompts.toString()).isEqualTo("MFA code for AWS profile 'admin' (arn:aws:iam::111122223333:mfa/alice): ");
        assertThat(fake.stsCalls).anySatisfy(c -> assertThat(c.get("TokenCode")).isEqualTo(FakeAws.MFA_CODE));
    }

    @Test
    void aLocalProfileHasNothingToSignInTo() {
        Result r = run(MfaPrompt.NONE, "--profile", "embedded", "aws", "login");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("is not an AWS profile");
    }

    @Test
    void theFullProviderChainGoesToTheLogFileOnly() throws Exception {
        ProfileStore.load(dirs.profilesFile()).put(new ConnectionProfile("nokeys", ConnectionProfile.Kind.AWS,
                LocalDynamoDb.endpoint(), "us-east-1", "base", "cruddur-messages", null, null, true));
        Files.writeString(home.files.configFile(), "[profile base]\nregion = us-east-1\n");
        Result r = run(MfaPrompt.NONE, "--profile", "nokeys", "ddb", "list-tables");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).doesNotContain("\n").hasSizeLessThan(400).contains("AWS profile 'base'");
    }
}
