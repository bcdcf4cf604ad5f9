package org.cruddur.console.service.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the AWS services this feature talks to, since AWS itself cannot run here: IAM Identity Center OIDC
 * (RegisterClient, StartDeviceAuthorization, CreateToken), the SSO portal (GetRoleCredentials, Logout), STS
 * (GetCallerIdentity, AssumeRole with MFA) and, for access-denied answers only, DynamoDB. One loopback HTTP server,
 * speaking each service's wire protocol as the SDK expects it; every request is recorded.
 */
public final class FakeAws implements AutoCloseable {

    public static final String ACCOUNT = "111122223333";
    public static final String ROLE = "SupportReadOnly";
    public static final String MFA_CODE = "123456";

    private final HttpServer server;
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** Bearer tokens GetRoleCredentials was called with. */
    public final List<String> bearerTokens = new CopyOnWriteArrayList<>();
    /** Form bodies of the STS calls. */
    public final List<Map<String, String>> stsCalls = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    /** CreateToken answers authorization_pending this many times before it issues the token. */
    public volatile int pendingPolls = 1;
    /** Then answers slow_down this many times (the client must wait 5 s longer between polls). */
    public volatile int slowDownPolls = 0;
    private final AtomicInteger slowDowns = new AtomicInteger();
    /** Seconds the issued tokens last. */
    public volatile int tokenSeconds = 8 * 3600;
    /** Seconds the role credentials last (under the SDK's one-minute stale time: every call fetches new ones). */
    public volatile int roleCredentialSeconds = 3600;
    /** When set, the device flow waits at CreateToken until this latch opens (the dialog screenshot). */
    public volatile java.util.concurrent.CountDownLatch approval;
    private final Map<String, Boolean> validTokens = new java.util.concurrent.ConcurrentHashMap<>();

    public FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/client/register", ex -> json(ex, 200, "{\"clientId\":\"client-1\",\"clientSecret\":\"secret-1\","
                + "\"clientIdIssuedAt\":" + Instant.now().getEpochSecond() + ",\"clientSecretExpiresAt\":"
                + Instant.now().plusSeconds(90 * 86400L).getEpochSecond() + "}", "RegisterClient"));
        server.createContext("/device_authorization", ex -> json(ex, 200, "{\"deviceCode\":\"device-1\",\"userCode\":\"WDQB-XTLK\","
                + "\"verificationUri\":\"" + url() + "/start/#/device\",\"verificationUriComplete\":\"" + url()
                + "/start/#/device?user_code=WDQB-XTLK\",\"expiresIn\":600,\"interval\":1}", "StartDeviceAuthorization"));
        server.createContext("/token", this::createToken);
        server.createContext("/federation/credentials", this::roleCredentials);
        server.createContext("/logout", ex -> {
            String token = ex.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
            validTokens.remove(token == null ? "" : token);
            json(ex, 200, "{}", "Logout");
        });
        server.createContext("/", this::stsOrDynamo);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public AwsEndpoints endpoints() {
        return new AwsEndpoints(url(), url(), url());
    }

    /** The portal forgets every token it issued (a sign-out elsewhere, or an expiry it noticed first). */
    public void revokeTokens() {
        validTokens.clear();
    }

    public void acceptToken(String token) {
        validTokens.put(token, true);
    }

    private void createToken(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (body.contains("refresh_token\"") && body.contains("\"grantType\":\"refresh_token\"")) {
            issue(ex, "CreateToken(refresh)");
            return;
        }
        java.util.concurrent.CountDownLatch wait = approval;
        if (wait != null) {
            try {
                wait.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (polls.incrementAndGet() <= pendingPolls) {
            calls.add("CreateToken(pending)");
            error(ex, 400, "AuthorizationPendingException", "{\"error\":\"authorization_pending\",\"error_description\":\"not yet\"}");
            return;
        }
        if (slowDowns.incrementAndGet() <= slowDownPolls) {
            calls.add("CreateToken(slow_down)");
            error(ex, 400, "SlowDownException", "{\"error\":\"slow_down\",\"error_description\":\"slow down\"}");
            return;
        }
        issue(ex, "CreateToken");
    }

    private void issue(HttpExchange ex, String call) throws IOException {
        String token = "sso-token-" + tokens.incrementAndGet();
        validTokens.put(token, true);
        json(ex, 200, "{\"accessToken\":\"" + token + "\",\"tokenType\":\"Bearer\",\"expiresIn\":" + tokenSeconds
                + ",\"refreshToken\":\"refresh-" + token + "\"}", call);
    }

    private void roleCredentials(HttpExchange ex) throws IOException {
        String token = ex.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
        bearerTokens.add(String.valueOf(token));
        if (token == null || !validTokens.containsKey(token)) {
            error(ex, 401, "UnauthorizedException", "{\"message\":\"Session token not found or invalid\"}");
            return;
        }
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        String n = String.valueOf(bearerTokens.size());
        json(ex, 200, "{\"roleCredentials\":{\"accessKeyId\":\"ASIAFAKE" + q.get("role_name") + n + "\",\"secretAccessKey\":\"s\","
                + "\"sessionToken\":\"st\",\"expiration\":" + Instant.now().plusSeconds(roleCredentialSeconds).toEpochMilli() + "}}",
                "GetRoleCredentials(" + q.get("account_id") + "/" + q.get("role_name") + ")");
    }

    private void stsOrDynamo(HttpExchange ex) throws IOException {
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (target != null && target.startsWith("DynamoDB_20120810.")) {
            // every DynamoDB call is refused, with a message that does not say which action (so the console must know)
            calls.add("DynamoDB " + target.substring(18));
            error(ex, 400, "com.amazonaws.dynamodb.v20120810#AccessDeniedException",
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#AccessDeniedException\",\"message\":\"Access denied\"}");
            return;
        }
        Map<String, String> form = form(body);
        stsCalls.add(form);
        String action = form.getOrDefault("Action", "");
        calls.add("STS " + action);
        if (action.equals("GetCallerIdentity")) {
            xml(ex, 200, "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                    + "<Arn>arn:aws:sts::" + ACCOUNT + ":assumed-role/" + ROLE + "/alice</Arn><UserId>AROAFAKE:alice</UserId>"
                    + "<Account>" + ACCOUNT + "</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r1</RequestId>"
                    + "</ResponseMetadata></GetCallerIdentityResponse>");
        } else if (action.equals("AssumeRole")) {
            if (form.containsKey("SerialNumber") && !MFA_CODE.equals(form.get("TokenCode"))) {
                xml(ex, 403, "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                        + "<Code>AccessDenied</Code><Message>MultiFactorAuthentication failed with invalid MFA one time pass code.</Message>"
                        + "</Error><RequestId>r2</RequestId></ErrorResponse>");
                return;
            }
            xml(ex, 200, "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials>"
                    + "<AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken>"
                    + "<Expiration>" + Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "</Expiration>"
                    + "</Credentials><AssumedRoleUser><Arn>" + form.get("RoleArn") + "/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId>"
                    + "</AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r3</RequestId></ResponseMetadata></AssumeRoleResponse>");
        } else {
            xml(ex, 400, "<ErrorResponse><Error><Code>InvalidAction</Code><Message>" + action + "</Message></Error></ErrorResponse>");
        }
    }

    private void json(HttpExchange ex, int status, String body, String call) throws IOException {
        if (call != null) {
            calls.add(call);
        }
        send(ex, status, "application/json", body, null);
    }

    private void error(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, "application/x-amz-json-1.0", body, type);
    }

    private void xml(HttpExchange ex, int status, String body) throws IOException {
        send(ex, status, "text/xml", body, null);
    }

    private static void send(HttpExchange ex, int status, String contentType, String body, String errorType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("x-amzn-RequestId", "fake");
        if (errorType != null) {
            ex.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String text) {
        Map<String, String> m = new HashMap<>();
        if (text == null || text.isBlank()) {
            return m;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
