package org.cruddur.console.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.cruddur.console.config.ConnectionProfile;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.aws.AwsAccess;
import org.cruddur.console.service.aws.CallerIdentity;
import org.cruddur.console.service.aws.DeviceAuthorization;
import org.cruddur.console.service.aws.SignInProgress;
import org.cruddur.console.service.aws.SsoToken;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code aws login | logout | whoami}: IAM Identity Center sign-in for the profile's AWS profile, as the AWS CLI does it. */
@Command(name = "aws", description = "Sign in to AWS (IAM Identity Center) and see who you are there.", mixinStandardHelpOptions = true,
        subcommands = {AwsCommand.Login.class, AwsCommand.Logout.class, AwsCommand.WhoAmI.class})
public final class AwsCommand extends CommandGroup {

    @ParentCommand
    ConsoleCommand root;

    /** Shared by the three: the AWS profile behind --profile, and the streams. */
    abstract static class Sub implements Callable<Integer> {
        @ParentCommand
        AwsCommand aws;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        AwsAccess access() {
            return aws.root.aws();
        }

        /** The connection profile's AWS profile (null: AWS_PROFILE or default); refuses local profiles. */
        String awsProfile() {
            ConnectionProfile profile = aws.root.profile();
            if (!profile.onAws()) {
                throw new ConsoleException(ConsoleException.Kind.CONFIG, "Profile '" + profile.name()
                        + "' is not an AWS profile: nothing to sign in to (use --profile prod or another AWS profile)");
            }
            return profile.awsProfile();
        }
    }

    @Command(name = "login", description = "Sign in with IAM Identity Center: opens the browser, waits for approval,"
            + " and stores the token where the AWS CLI keeps it (~/.aws/sso/cache).")
    static final class Login extends Sub {
        @Option(names = "--no-browser", description = "Only print the page and code; do not open a browser.")
        boolean noBrowser;

        @Override
        public Integer call() {
            AwsAccess access = access();
            String awsProfile = awsProfile();
            SsoToken token = access.signIn(awsProfile, new SignInProgress() {
                @Override
                public void authorize(DeviceAuthorization a) {
                    err().println("Signing in AWS profile '" + a.awsProfile() + "' at " + a.startUrl());
                    err().println("Open this page and check that it shows the code " + a.userCode() + ":");
                    err().println("  " + a.pageToOpen());
                    err().flush();
                    if (!noBrowser) {
                        openBrowser(a.pageToOpen());
                    }
                }
            });
            out().println("Signed in AWS profile '" + access.profileName(awsProfile) + "' until " + token.expiresAt());
            out().flush();
            return 0;
        }

        /** Best effort: on a machine without a desktop the page printed above is the way. */
        private void openBrowser(String page) {
            try {
                if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(URI.create(page));
                    return;
                }
            } catch (Exception cannot) {
                // fall through to the hint
            }
            err().println("(could not open a browser here: open the page above on any device)");
            err().flush();
        }
    }

    @Command(name = "logout", description = "Sign out: ends the IAM Identity Center session and deletes its cached token.")
    static final class Logout extends Sub {
        @Override
        public Integer call() {
            String awsProfile = awsProfile();
            boolean was = access().signOut(awsProfile);
            out().println(was ? "Signed out AWS profile '" + access().profileName(awsProfile) + "'"
                    : "AWS profile '" + access().profileName(awsProfile) + "' was not signed in");
            out().flush();
            return 0;
        }
    }

    @Command(name = "whoami", description = "Who the credentials of the profile are on AWS (STS GetCallerIdentity),"
            + " and when the sign-in expires.")
    static final class WhoAmI extends Sub {
        @Option(names = "--json", description = "One JSON object: aws_profile, account, arn, role, user_id, expires_at, seconds_left.")
        boolean json;

        @Override
        public Integer call() {
            ConnectionProfile profile = aws.root.profile();
            String awsProfile = awsProfile();
            CallerIdentity id = access().whoAmI(awsProfile, profile.region());
            Instant now = Instant.now();
            if (json) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("aws_profile", id.awsProfile());
                o.put("account", id.account());
                o.put("arn", id.arn());
                o.put("role", id.roleOrUser());
                o.put("user_id", id.userId());
                if (id.signInExpiresAt() != null) {
                    o.put("expires_at", id.signInExpiresAt().toString());
                    o.put("seconds_left", id.timeLeft(now).getSeconds());
                } else {
                    o.putNull("expires_at");
                    o.putNull("seconds_left");
                }
                out().println(o.toString());
            } else {
                out().println("aws profile: " + id.awsProfile());
                out().println("account:     " + id.account());
                out().println("arn:         " + id.arn());
                out().println("role:        " + id.roleOrUser());
                out().println("expires:     " + (id.signInExpiresAt() == null ? "(no sign-in: long-term or instance credentials)"
                        : id.signInExpiresAt() + " (" + CallerIdentity.describe(id.timeLeft(now)) + " left)"));
            }
            out().flush();
            return 0;
        }
    }
}
