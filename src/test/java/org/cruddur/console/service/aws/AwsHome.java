package org.cruddur.console.service.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A temporary home with its own ~/.aws: the tests never read or write the real one. */
public final class AwsHome {

    public static final String CONFIG = """
            [profile prod-sso]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = SupportReadOnly
            region = us-east-1

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access

            [profile legacy]
            sso_start_url = https://legacy.awsapps.com/start
            sso_region = eu-west-1
            sso_account_id = 111122223333
            sso_role_name = SupportReadOnly
            region = eu-west-1

            [profile base]
            aws_access_key_id = AKIABASE
            aws_secret_access_key = base-secret
            region = us-east-1

            [profile admin]
            role_arn = arn:aws:iam::111122223333:role/Admin
            source_profile = base
            mfa_serial = arn:aws:iam::111122223333:mfa/alice
            region = us-east-1
            """;

    public final Path home;
    public final AwsFiles files;

    public AwsHome(Path dir) throws IOException {
        this.home = dir;
        this.files = AwsFiles.underHome(dir);
        Files.createDirectories(files.configFile().getParent());
        Files.writeString(files.configFile(), CONFIG);
    }

    public AwsAccess access(FakeAws aws, MfaPrompt mfa) {
        return new AwsAccess(files, aws.endpoints(), mfa, Clock.systemUTC(), Map.of());
    }
}
