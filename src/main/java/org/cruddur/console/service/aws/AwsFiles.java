package org.cruddur.console.service.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Where the AWS shared files live: the config file (profiles, sso-session sections), the credentials file and the
 * SSO token cache. {@link #standard()} follows the AWS CLI and the SDK (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE,
 * else ~/.aws), so a sign-in here is one for the AWS CLI too; tests point it at a temporary home.
 */
public record AwsFiles(Path configFile, Path credentialsFile, Path tokenCacheDir) {

    public static AwsFiles standard() {
        return fromEnvironment(System.getenv(), System.getProperty("user.home"));
    }

    static AwsFiles fromEnvironment(Map<String, String> env, String userHome) {
        // the SDK takes HOME before user.home; so do we, or the two would read different caches
        String home = env.getOrDefault("HOME", userHome);
        Path aws = Path.of(home, ".aws");
        String config = env.get("AWS_CONFIG_FILE");
        String credentials = env.get("AWS_SHARED_CREDENTIALS_FILE");
        return new AwsFiles(config == null || config.isBlank() ? aws.resolve("config") : Path.of(config),
                credentials == null || credentials.isBlank() ? aws.resolve("credentials") : Path.of(credentials),
                aws.resolve("sso").resolve("cache"));
    }

    /** ~/.aws under another home folder (tests, a portable install). */
    public static AwsFiles underHome(Path home) {
        Path aws = home.resolve(".aws");
        return new AwsFiles(aws.resolve("config"), aws.resolve("credentials"), aws.resolve("sso").resolve("cache"));
    }

    /** The config and credentials files as the SDK reads them, each only if it exists. */
    public ProfileFile profileFile() {
        ProfileFile.Aggregator all = ProfileFile.aggregator();
        if (Files.isRegularFile(credentialsFile)) {
            all.addFile(ProfileFile.builder().content(credentialsFile).type(ProfileFile.Type.CREDENTIALS).build());
        }
        if (Files.isRegularFile(configFile)) {
            all.addFile(ProfileFile.builder().content(configFile).type(ProfileFile.Type.CONFIGURATION).build());
        }
        return all.build();
    }
}
