package org.cruddur.console.service.aws;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cruddur.console.service.ConsoleException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * What one named profile of ~/.aws/config says about signing in: IAM Identity Center (an {@code sso_session}
 * reference, or the legacy {@code sso_start_url} keys), a role assumed from a source profile (with an MFA device
 * when {@code mfa_serial} is set), or anything else the SDK handles by itself (keys, credential_process, ...).
 */
public record AwsProfileSettings(
        String name,
        Kind kind,
        String region,
        String ssoSession,
        String startUrl,
        String ssoRegion,
        String accountId,
        String roleName,
        List<String> registrationScopes,
        String roleArn,
        String sourceProfile,
        String mfaSerial,
        String externalId,
        String roleSessionName) {

    public enum Kind { SSO, ROLE, OTHER }

    /** The profile {@code name} of {@code file}; a missing profile is a configuration error naming the file. */
    public static AwsProfileSettings read(ProfileFile file, String name, AwsFiles where) {
        Profile profile = file.profile(name).orElseThrow(() -> new ConsoleException(ConsoleException.Kind.CONFIG,
                "AWS profile '" + name + "' is not in " + where.configFile() + " or " + where.credentialsFile()));
        Map<String, String> p = profile.properties();
        String region = p.get("region");
        String session = p.get("sso_session");
        if (session != null && !session.isBlank()) {
            Map<String, String> s = file.getSection("sso-session", session).map(Profile::properties)
                    .orElseThrow(() -> new ConsoleException(ConsoleException.Kind.CONFIG, "AWS profile '" + name
                            + "' names sso_session '" + session + "', which has no [sso-session " + session + "] section in "
                            + where.configFile()));
            List<String> scopes = s.containsKey("sso_registration_scopes")
                    ? List.of(s.get("sso_registration_scopes").split("\\s*,\\s*")) : List.of("sso:account:access");
            return new AwsProfileSettings(name, Kind.SSO, region, session, required(s, "sso_start_url", name),
                    required(s, "sso_region", name), p.get("sso_account_id"), p.get("sso_role_name"), scopes,
                    null, null, null, null, null);
        }
        if (p.containsKey("sso_start_url")) {
            return new AwsProfileSettings(name, Kind.SSO, region, null, p.get("sso_start_url"), required(p, "sso_region", name),
                    required(p, "sso_account_id", name), required(p, "sso_role_name", name), List.of(),
                    null, null, null, null, null);
        }
        if (p.containsKey("role_arn") && p.containsKey("source_profile")) {
            return new AwsProfileSettings(name, Kind.ROLE, region, null, null, null, null, null, List.of(),
                    p.get("role_arn"), p.get("source_profile"), p.get("mfa_serial"), p.get("external_id"),
                    p.get("role_session_name"));
        }
        return new AwsProfileSettings(name, Kind.OTHER, region, null, null, null, null, null, List.of(),
                null, null, null, null, null);
    }

    private static String required(Map<String, String> properties, String key, String profile) {
        String value = properties.get(key);
        if (value == null || value.isBlank()) {
            throw new ConsoleException(ConsoleException.Kind.CONFIG, "AWS profile '" + profile + "' has no " + key);
        }
        return value;
    }

    /** An sso-session profile (refreshable tokens) rather than a legacy one. */
    public boolean usesSsoSession() {
        return ssoSession != null;
    }

    /** Whether this profile can sign in from the console (IAM Identity Center). */
    public boolean signsInWithSso() {
        return kind == Kind.SSO;
    }

    public Optional<String> mfa() {
        return Optional.ofNullable(mfaSerial).filter(s -> !s.isBlank());
    }
}
