package org.cruddur.console.service.aws;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.DynamoErrors;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Signing in to AWS the way the AWS CLI does, over the shared ~/.aws files: credentials for a named profile
 * (IAM Identity Center, a role with or without MFA, or anything the SDK reads itself), the IAM Identity Center
 * device-authorization sign-in and sign-out, and who the credentials belong to. No front end: the browser, the
 * code display and the MFA question are the caller's.
 */
public final class AwsAccess {

    private static final Logger LOG = Logger.getLogger(AwsAccess.class.getName());
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final String REFRESH_GRANT = "refresh_token";
    /** A token this close to its end is refreshed (or signed in again) before use, as the SDK does. */
    private static final Duration STALE = Duration.ofMinutes(1);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AwsFiles files;
    private final AwsEndpoints endpoints;
    private final MfaPrompt mfa;
    private final Clock clock;
    private final Map<String, String> env;

    public AwsAccess(AwsFiles files, AwsEndpoints endpoints, MfaPrompt mfa, Clock clock, Map<String, String> env) {
        this.files = files;
        this.endpoints = endpoints;
        this.mfa = mfa;
        this.clock = clock;
        this.env = env;
    }

    /** The shared files and endpoints of this machine, as the AWS CLI finds them; MFA codes cannot be asked for. */
    public static AwsAccess standard() {
        return new AwsAccess(AwsFiles.standard(), AwsEndpoints.DEFAULT, MfaPrompt.NONE, Clock.systemUTC(), System.getenv());
    }

    public AwsAccess withMfa(MfaPrompt prompt) {
        return new AwsAccess(files, endpoints, prompt, clock, env);
    }

    public AwsFiles files() {
        return files;
    }

    /** The AWS profile in use: the one named, else AWS_PROFILE, else "default" (as the SDK picks it). */
    public String profileName(String named) {
        if (named != null && !named.isBlank()) {
            return named;
        }
        String fromEnv = env.get("AWS_PROFILE");
        return fromEnv == null || fromEnv.isBlank() ? "default" : fromEnv;
    }

    public AwsProfileSettings settings(String awsProfile) {
        return AwsProfileSettings.read(files.profileFile(), profileName(awsProfile), files);
    }

    /** The settings of the profile when the config files have it, else empty (environment keys, instance roles). */
    public Optional<AwsProfileSettings> findSettings(String awsProfile) {
        String name = profileName(awsProfile);
        ProfileFile file = files.profileFile();
        return file.profile(name).isPresent() ? Optional.of(AwsProfileSettings.read(file, name, files)) : Optional.empty();
    }

    // ---- credentials -------------------------------------------------------------------------------------------

    /**
     * Credentials for an AWS profile (null: AWS_PROFILE or the default chain). IAM Identity Center profiles read the
     * shared token cache on every refresh and fail with {@link SignInRequired} when it has no usable token; role
     * profiles assume the role themselves, asking for an MFA code when the profile has {@code mfa_serial} (SDK 2.57's
     * own profile provider ignores mfa_serial). Close the result when done: it may hold SSO or STS clients.
     */
    public AwsCredentialsProvider credentials(String awsProfile) {
        boolean named = awsProfile != null && !awsProfile.isBlank();
        if (!named && env.containsKey("AWS_ACCESS_KEY_ID")) {
            return DefaultCredentialsProvider.builder().build();
        }
        Optional<AwsProfileSettings> settings = findSettings(awsProfile);
        if (settings.isEmpty()) {
            if (named) {
                throw new ConsoleException(ConsoleException.Kind.CREDENTIALS, "No AWS credentials: AWS profile '" + awsProfile
                        + "' is in neither " + files.configFile() + " nor " + files.credentialsFile()
                        + " (add it, e.g. with aws configure sso)");
            }
            return DefaultCredentialsProvider.builder().build();
        }
        return credentials(settings.get(), 0);
    }

    private AwsCredentialsProvider credentials(AwsProfileSettings s, int depth) {
        if (depth > 4) {
            throw new ConsoleException(ConsoleException.Kind.CONFIG, "AWS profile '" + s.name() + "': source_profile chain is too long or loops");
        }
        return switch (s.kind()) {
            case SSO -> new SsoRoleCredentials(s);
            case ROLE -> new AssumedRoleCredentials(s, credentials(settings(s.sourceProfile()), depth + 1));
            case OTHER -> new Named(s.name(), ProfileCredentialsProvider.builder()
                    .profileFile(files.profileFile()).profileName(s.name()).build());
        };
    }

    /** A provider that names its AWS profile and closes what it holds. */
    private abstract static class ProfileProvider implements AwsCredentialsProvider, SdkAutoCloseable {
        final String awsProfile;

        ProfileProvider(String awsProfile) {
            this.awsProfile = awsProfile;
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "(" + awsProfile + ")";
        }
    }

    private static final class Named extends ProfileProvider {
        private final ProfileCredentialsProvider delegate;

        Named(String awsProfile, ProfileCredentialsProvider delegate) {
            super(awsProfile);
            this.delegate = delegate;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return delegate.resolveCredentials();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    /**
     * IAM Identity Center: the role's credentials from the SSO portal, with the token of the shared cache. The token is
     * checked on every use, not only when the role's credentials run out: the console then asks to sign in again when
     * the sign-in shown in the profile bar ends, and a new sign-in (here or by the AWS CLI) brings new role credentials.
     */
    private final class SsoRoleCredentials extends ProfileProvider {
        private final AwsProfileSettings settings;
        private final SsoClient sso;
        private SsoCredentialsProvider delegate;
        private String tokenInUse;

        SsoRoleCredentials(AwsProfileSettings settings) {
            super(settings.name());
            this.settings = settings;
            if (settings.accountId() == null || settings.roleName() == null) {
                throw new ConsoleException(ConsoleException.Kind.CONFIG, "AWS profile '" + settings.name()
                        + "' needs sso_account_id and sso_role_name to give credentials");
            }
            this.sso = ssoPortal(settings.ssoRegion());
        }

        /** The SDK's provider for this token: it caches the role's credentials until they are about to expire. */
        private synchronized SsoCredentialsProvider delegateFor(SsoToken token) {
            if (delegate == null || !token.accessToken().equals(tokenInUse)) {
                if (delegate != null) {
                    delegate.close();
                }
                SsoCredentialsProvider.Builder builder = SsoCredentialsProvider.builder();
                delegate = builder.ssoClient(sso)
                        .refreshRequest(() -> GetRoleCredentialsRequest.builder()
                                .accountId(settings.accountId()).roleName(settings.roleName())
                                .accessToken(currentToken(settings).accessToken()).build())
                        .build();
                tokenInUse = token.accessToken();
            }
            return delegate;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return delegateFor(currentToken(settings)).resolveCredentials();
            } catch (RuntimeException e) {
                ConsoleException ours = find(e, ConsoleException.class);
                if (ours != null) {
                    throw ours;
                }
                if (find(e, UnauthorizedException.class) != null) {
                    // the portal no longer takes the token (signed out elsewhere, or revoked) although it looks valid
                    throw logged(new SignInRequired(awsProfile, "AWS profile '" + awsProfile + "': IAM Identity Center no longer"
                            + " accepts the sign-in (" + settings.startUrl() + ")", null), e);
                }
                if (find(e, AwsServiceException.class) == null) {
                    // not DynamoDB: the portal that turns the sign-in into the role's credentials is out of reach
                    Throwable root = e;
                    while (root.getCause() != null && root.getCause() != root) {
                        root = root.getCause();
                    }
                    throw logged(new ConsoleException(ConsoleException.Kind.UNREACHABLE, "AWS profile '" + awsProfile
                            + "': cannot reach the IAM Identity Center portal (" + settings.ssoRegion() + ") for the role's"
                            + " credentials (" + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()) + ")"), e);
                }
                throw e;
            }
        }

        @Override
        public synchronized void close() {
            if (delegate != null) {
                delegate.close();
            }
            sso.close();
        }
    }

    /** A role assumed from a source profile's credentials, with an MFA code when the profile has mfa_serial. */
    private final class AssumedRoleCredentials extends ProfileProvider {
        private final AwsProfileSettings settings;
        private final AwsCredentialsProvider source;
        private final StsClient sts;
        private final StsAssumeRoleCredentialsProvider delegate;

        AssumedRoleCredentials(AwsProfileSettings settings, AwsCredentialsProvider source) {
            super(settings.name());
            this.settings = settings;
            this.source = source;
            this.sts = sts(settings.region(), source);
            StsAssumeRoleCredentialsProvider.Builder builder = StsAssumeRoleCredentialsProvider.builder();
            this.delegate = builder.stsClient(sts).refreshRequest(this::request).build();
        }

        private AssumeRoleRequest request() {
            AssumeRoleRequest.Builder r = AssumeRoleRequest.builder().roleArn(settings.roleArn())
                    .roleSessionName(settings.roleSessionName() != null ? settings.roleSessionName()
                            : "cruddur-console-" + clock.millis())
                    .externalId(settings.externalId());
            settings.mfa().ifPresent(serial -> {
                String code = mfa.code(awsProfile, serial);
                if (code == null || code.isBlank()) {
                    throw new ConsoleException(ConsoleException.Kind.CANCELLED, "No MFA code given for AWS profile '" + awsProfile + "'");
                }
                if (!code.trim().matches("\\d{6}")) {
                    throw new ConsoleException(ConsoleException.Kind.CREDENTIALS, "AWS profile '" + awsProfile
                            + "': the MFA code must be 6 digits");
                }
                r.serialNumber(serial).tokenCode(code.trim());
            });
            return r.build();
        }

        @Override
        public AwsCredentials resolveCredentials() {
            try {
                return delegate.resolveCredentials();
            } catch (RuntimeException e) {
                ConsoleException ours = find(e, ConsoleException.class);
                if (ours != null) {
                    throw ours;
                }
                AwsServiceException refused = find(e, AwsServiceException.class);
                String why = refused != null && refused.awsErrorDetails() != null
                        ? refused.awsErrorDetails().errorCode() + ": " + firstLine(refused.awsErrorDetails().errorMessage())
                        : firstLine(e.getMessage());
                throw logged(new ConsoleException(ConsoleException.Kind.CREDENTIALS, "AWS profile '" + awsProfile
                        + "': assuming role " + settings.roleArn() + " failed (" + why + "); check role_arn, source_profile '"
                        + settings.sourceProfile() + "'" + (settings.mfa().isPresent() ? ", the MFA code" : "")
                        + " and the role's trust policy"), e);
            }
        }

        @Override
        public void close() {
            delegate.close();
            sts.close();
            if (source instanceof SdkAutoCloseable c) {
                c.close();
            }
        }
    }

    /**
     * The profile's IAM Identity Center token, refreshed with the refresh token when it is about to expire (sso-session
     * profiles); {@link SignInRequired} when there is none or it expired.
     */
    public SsoToken currentToken(AwsProfileSettings s) {
        SsoTokenCache cache = new SsoTokenCache(files.tokenCacheDir());
        SsoToken token = cache.read(s).orElseThrow(() -> new SignInRequired(s.name(), "AWS profile '" + s.name()
                + "' is not signed in to IAM Identity Center (no token in " + shown(files.tokenCacheDir()) + ")", null));
        Instant now = clock.instant();
        if (!token.expiredAt(now.plus(STALE))) {
            return token;
        }
        if (token.refreshToken() != null && token.registrationValidAt(now)) {
            try (SsoOidcClient oidc = oidc(s.ssoRegion())) {
                CreateTokenResponse r = oidc.createToken(b -> b.clientId(token.clientId()).clientSecret(token.clientSecret())
                        .grantType(REFRESH_GRANT).refreshToken(token.refreshToken()));
                SsoToken refreshed = tokenFrom(s, r, token.clientId(), token.clientSecret(), token.registrationExpiresAt(), token.refreshToken());
                cache.write(s, refreshed);
                LOG.info(() -> "Refreshed the IAM Identity Center token of AWS profile '" + s.name() + "'");
                return refreshed;
            } catch (SdkException e) {
                LOG.info(() -> "Refreshing the token of AWS profile '" + s.name() + "' failed: " + firstLine(e.getMessage()));
            }
        }
        throw new SignInRequired(s.name(), "AWS profile '" + s.name() + "': the IAM Identity Center sign-in expired at "
                + (token.expiry() == null ? "an unknown time" : SHOWN.format(token.expiry())), null);
    }

    /** The expiry of the profile's cached sign-in, if it signs in with IAM Identity Center and has one. */
    public Optional<Instant> signInExpiry(String awsProfile) {
        return findSettings(awsProfile).filter(AwsProfileSettings::signsInWithSso)
                .flatMap(s -> new SsoTokenCache(files.tokenCacheDir()).read(s)).map(SsoToken::expiry);
    }

    // ---- sign-in -----------------------------------------------------------------------------------------------

    /**
     * Signs the profile in with IAM Identity Center as {@code aws sso login} does: registers a client (or reuses the
     * cached registration), starts device authorization, hands the code and page to {@code progress}, and polls for
     * the token at the pace the service asks; the token goes into the shared cache. Blocks until approved, denied,
     * expired or stopped: call it off any UI thread.
     */
    public SsoToken signIn(String awsProfile, SignInProgress progress) {
        AwsProfileSettings s = settings(awsProfile);
        if (!s.signsInWithSso()) {
            throw new ConsoleException(ConsoleException.Kind.CONFIG, "AWS profile '" + s.name() + "' does not sign in with"
                    + " IAM Identity Center (no sso_session or sso_start_url in " + files.configFile() + ")");
        }
        try {
            return deviceFlow(s, progress);
        } catch (SdkException e) {
            // the service refused or could not be reached: one line, the whole chain in the log
            throw new ConsoleException(e instanceof AwsServiceException ? ConsoleException.Kind.CREDENTIALS : ConsoleException.Kind.UNREACHABLE,
                    "Signing in AWS profile '" + s.name() + "' failed: IAM Identity Center (" + s.ssoRegion() + ") "
                    + (e instanceof AwsServiceException ase ? "refused it (" + ase.awsErrorDetails().errorCode() + ")"
                    : "cannot be reached (" + firstLine(DynamoErrors.oneLine(e)) + ")"), e);
        }
    }

    private SsoToken deviceFlow(AwsProfileSettings s, SignInProgress progress) {
        SsoTokenCache cache = new SsoTokenCache(files.tokenCacheDir());
        try (SsoOidcClient oidc = oidc(s.ssoRegion())) {
            Instant now = clock.instant();
            Optional<SsoToken> previous = cache.read(s).filter(t -> s.usesSsoSession() && t.registrationValidAt(now));
            String clientId;
            String clientSecret;
            String registrationExpiresAt;
            if (previous.isPresent()) {
                clientId = previous.get().clientId();
                clientSecret = previous.get().clientSecret();
                registrationExpiresAt = previous.get().registrationExpiresAt();
            } else {
                progress.message("Registering the console with IAM Identity Center…");
                RegisterClientResponse reg = oidc.registerClient(b -> {
                    b.clientName("cruddur-console").clientType("public");
                    if (s.usesSsoSession()) {
                        b.scopes(s.registrationScopes()).grantTypes(DEVICE_GRANT, REFRESH_GRANT);
                    }
                });
                clientId = reg.clientId();
                clientSecret = reg.clientSecret();
                registrationExpiresAt = reg.clientSecretExpiresAt() == null || reg.clientSecretExpiresAt() == 0 ? null
                        : SsoToken.format(Instant.ofEpochSecond(reg.clientSecretExpiresAt()));
            }
            StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(b -> b
                    .clientId(clientId).clientSecret(clientSecret).startUrl(s.startUrl()));
            Instant deadline = clock.instant().plusSeconds(device.expiresIn() == null ? 600 : device.expiresIn());
            progress.authorize(new DeviceAuthorization(s.name(), s.startUrl(), device.userCode(), device.verificationUri(),
                    device.verificationUriComplete(), deadline));
            long intervalMillis = Math.max(1, device.interval() == null || device.interval() == 0 ? 5 : device.interval()) * 1000L;
            while (true) {
                progress.message("Waiting for approval in the browser (code " + device.userCode() + ")…");
                pause(intervalMillis, progress);
                if (clock.instant().isAfter(deadline)) {
                    throw expired(s);
                }
                try {
                    CreateTokenResponse r = oidc.createToken(b -> b.clientId(clientId).clientSecret(clientSecret)
                            .grantType(DEVICE_GRANT).deviceCode(device.deviceCode()));
                    SsoToken token = s.usesSsoSession()
                            ? tokenFrom(s, r, clientId, clientSecret, registrationExpiresAt, null)
                            : new SsoToken(s.startUrl(), s.ssoRegion(), r.accessToken(), expiresAt(r), null, null, null, null);
                    cache.write(s, token);
                    LOG.info(() -> "Signed in AWS profile '" + s.name() + "' until " + token.expiresAt());
                    return token;
                } catch (AuthorizationPendingException pending) {
                    // not approved yet: ask again after the interval
                } catch (SlowDownException slowDown) {
                    intervalMillis += 5000; // RFC 8628 §3.5
                } catch (ExpiredTokenException e) {
                    throw expired(s);
                } catch (AccessDeniedException e) {
                    throw new ConsoleException(ConsoleException.Kind.CREDENTIALS, "Sign-in of AWS profile '" + s.name()
                            + "' was denied in the browser", e);
                }
            }
        }
    }

    private SsoToken tokenFrom(AwsProfileSettings s, CreateTokenResponse r, String clientId, String clientSecret,
                               String registrationExpiresAt, String oldRefreshToken) {
        return new SsoToken(s.startUrl(), s.ssoRegion(), r.accessToken(), expiresAt(r), clientId, clientSecret,
                registrationExpiresAt, r.refreshToken() != null ? r.refreshToken() : oldRefreshToken);
    }

    private String expiresAt(CreateTokenResponse r) {
        return SsoToken.format(clock.instant().plusSeconds(r.expiresIn() == null ? 3600 : r.expiresIn()));
    }

    private static ConsoleException expired(AwsProfileSettings s) {
        return new ConsoleException(ConsoleException.Kind.CREDENTIALS, "The sign-in code for AWS profile '" + s.name()
                + "' expired before it was approved: sign in again");
    }

    private static void pause(long millis, SignInProgress progress) {
        long end = System.nanoTime() + millis * 1_000_000;
        try {
            while (System.nanoTime() < end) {
                if (progress.stopRequested()) {
                    throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Sign-in cancelled");
                }
                Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Sign-in cancelled", e);
        }
        if (progress.stopRequested()) {
            throw new ConsoleException(ConsoleException.Kind.CANCELLED, "Sign-in cancelled");
        }
    }

    /**
     * Signs out: tells the portal (best effort, so a lost network does not keep a person signed in here) and deletes
     * the cached token. Returns whether there was a token.
     */
    public boolean signOut(String awsProfile) {
        AwsProfileSettings s = settings(awsProfile);
        if (!s.signsInWithSso()) {
            throw new ConsoleException(ConsoleException.Kind.CONFIG, "AWS profile '" + s.name() + "' does not sign in with IAM Identity Center");
        }
        SsoTokenCache cache = new SsoTokenCache(files.tokenCacheDir());
        Optional<SsoToken> token = cache.read(s);
        token.ifPresent(t -> {
            try (SsoClient sso = ssoPortal(s.ssoRegion())) {
                sso.logout(b -> b.accessToken(t.accessToken()));
            } catch (SdkException e) {
                LOG.info(() -> "SSO logout of AWS profile '" + s.name() + "' failed (token deleted anyway): " + firstLine(e.getMessage()));
            }
        });
        return cache.delete(s) || token.isPresent();
    }

    // ---- identity ----------------------------------------------------------------------------------------------

    /** STS GetCallerIdentity with the profile's credentials, plus the sign-in's expiry. */
    public CallerIdentity whoAmI(String awsProfile, String region) {
        String name = profileName(awsProfile);
        String stsRegion = region != null ? region : findSettings(awsProfile).map(AwsProfileSettings::region).orElse(null);
        AwsCredentialsProvider credentials = credentials(awsProfile);
        try (StsClient sts = sts(stsRegion, credentials)) {
            GetCallerIdentityResponse r = sts.getCallerIdentity();
            return new CallerIdentity(name, r.account(), r.arn(), r.userId(), signInExpiry(awsProfile).orElse(null));
        } catch (SdkException e) {
            throw DynamoErrors.translate(e, "AWS STS", null, name);
        } finally {
            if (credentials instanceof SdkAutoCloseable c) {
                c.close();
            }
        }
    }

    // ---- clients -----------------------------------------------------------------------------------------------

    private SsoOidcClient oidc(String region) {
        var b = SsoOidcClient.builder().region(Region.of(region)).credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(http());
        if (endpoints.ssoOidc() != null) {
            b.endpointOverride(endpoints.ssoOidc());
        }
        return b.build();
    }

    private SsoClient ssoPortal(String region) {
        var b = SsoClient.builder().region(Region.of(region)).credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(http());
        if (endpoints.ssoPortal() != null) {
            b.endpointOverride(endpoints.ssoPortal());
        }
        return b.build();
    }

    private StsClient sts(String region, AwsCredentialsProvider credentials) {
        var b = StsClient.builder().region(Region.of(region == null || region.isBlank() ? "us-east-1" : region))
                .credentialsProvider(credentials).httpClientBuilder(http());
        if (endpoints.sts() != null) {
            b.endpointOverride(endpoints.sts());
        }
        return b.build();
    }

    private static ApacheHttpClient.Builder http() {
        return ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(30));
    }

    /**
     * A credentials provider's failure, with the SDK's chain in the log and not as its cause: the SDK's interceptors
     * rewrite a failure whose causes hold an UnknownHostException and refuse to hand on one of another type.
     */
    private static ConsoleException logged(ConsoleException failure, Throwable sdkChain) {
        LOG.log(java.util.logging.Level.INFO, failure.getMessage(), sdkChain);
        return failure;
    }

    /** A path under the home folder as "~/...", as people write it. */
    private String shown(java.nio.file.Path path) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        java.nio.file.Path h = java.nio.file.Path.of(home);
        return path.startsWith(h) ? "~/" + h.relativize(path) : path.toString();
    }

    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = error; t != null && !seen.contains(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            seen.add(t);
        }
        return null;
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
