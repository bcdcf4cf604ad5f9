package org.cruddur.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.aws.AwsAccess;
import org.cruddur.console.service.aws.AwsHome;
import org.cruddur.console.service.aws.FakeAws;
import org.cruddur.console.service.aws.MfaPrompt;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.ui.composer.ComposerViewModel;
import org.cruddur.console.ui.conversation.ConversationViewModel;
import org.cruddur.console.ui.inbox.InboxViewModel;
import org.cruddur.console.ui.main.ConnectionState;
import org.cruddur.console.ui.main.MainViewModel;
import org.cruddur.console.ui.signin.SignInViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A support person reads a conversation on an IAM Identity Center profile when the sign-in expires: the next page
 * fails with a one-line "sign in again", nothing on screen is lost, and signing in again retries that page. DynamoDB
 * Local stands in for DynamoDB; only the sign-in services are stand-ins (see {@link FakeAws}).
 */
class SignInMidWorkTest {

    @TempDir
    Path dir;
    FakeAws fake;
    MainViewModel main;

    @AfterEach
    void tearDown() {
        if (main != null) {
            main.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void anExpiredSignInMidConversationIsRenewedAndThePageRetriedWithNothingLost() throws Exception {
        fake = new FakeAws();
        AwsHome home = new AwsHome(dir.resolve("home"));
        AwsAccess aws = home.access(fake, MfaPrompt.NONE);
        LocalDynamo dynamo = LocalDynamo.shared();
        String table = LocalDynamo.uniqueTable("signin");
        dynamo.seed(table, 2, 2 * 40);
        ImmediateWork work = new ImmediateWork();
        SignInViewModel signIn = new SignInViewModel(aws, work);
        List<String> opened = new ArrayList<>();
        signIn.start("prod-sso", opened::add, () -> { });
        assertThat(signIn.userCodeProperty().get()).isEqualTo("WDQB-XTLK");
        assertThat(opened).containsExactly(fake.url() + "/start/#/device?user_code=WDQB-XTLK");
        assertThat(signIn.outcomeProperty().get()).startsWith("Signed in until ");

        main = new MainViewModel(new AppDirectories(dir.resolve("c"), dir.resolve("d")), work, MainViewModel.awsOpener(aws));
        InboxViewModel inbox = new InboxViewModel(main, 10);
        ConversationViewModel thread = new ConversationViewModel(main, 10, 100);
        ComposerViewModel composer = new ComposerViewModel(main);
        main.connect(new ConnectionProfile("support", ConnectionProfile.Kind.AWS, dynamo.endpoint(), "us-east-1", "prod-sso",
                table, null, null, true));
        assertThat(main.connectionProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(main.awsIdentityProperty().get()).startsWith("SupportReadOnly · 111122223333 · 7h").endsWith(" left");
        MessageGroupRow group = inbox.conversations().get(0);
        thread.open(group, group.ownerUuid());
        assertThat(thread.entries()).hasSize(10);
        composer.textProperty().set("A reply I am still writing");

        // the sign-in expires (and cannot be refreshed) while the person reads
        File cached = home.files.tokenCacheDir().toFile().listFiles()[0];
        ObjectMapper json = new ObjectMapper();
        ObjectNode token = (ObjectNode) json.readTree(cached);
        token.put("expiresAt", "2026-01-01T00:00:00Z");
        token.remove("refreshToken");
        json.writeValue(cached, token);

        thread.loadOlder();
        assertThat(main.errorProperty().get()).startsWith("AWS profile 'prod-sso': the IAM Identity Center sign-in expired at")
                .endsWith("(Sign in again…)").doesNotContain("\n");
        assertThat(main.signInOfferedProperty().get()).isTrue();
        assertThat(thread.entries()).hasSize(10);
        assertThat(composer.textProperty().get()).isEqualTo("A reply I am still writing");
        assertThat(main.table()).isNotNull();

        signIn.start(main.awsProfileToSignIn(), opened::add, main::signedIn);

        assertThat(thread.entries()).hasSize(20); // the failed page, retried with the new token
        assertThat(main.errorProperty().get()).isNull();
        assertThat(main.signInOfferedProperty().get()).isFalse();
        assertThat(composer.textProperty().get()).isEqualTo("A reply I am still writing");
        assertThat(thread.conversationProperty().get()).isEqualTo(group);
        assertThat(fake.calls.stream().filter(c -> c.equals("CreateToken")).count()).isEqualTo(2);
        assertThat(fake.bearerTokens).last().isEqualTo("sso-token-2");
    }
}
