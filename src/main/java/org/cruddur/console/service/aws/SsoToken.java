package org.cruddur.console.service.aws;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One file of the SSO token cache, with the AWS CLI v2's field names (the SDK's SsoOidcTokenProvider reads and
 * writes the same ones). The client registration and refresh token are present for sso-session profiles only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SsoToken(
        @JsonProperty("startUrl") String startUrl,
        @JsonProperty("region") String region,
        @JsonProperty("accessToken") String accessToken,
        @JsonProperty("expiresAt") String expiresAt,
        @JsonProperty("clientId") String clientId,
        @JsonProperty("clientSecret") String clientSecret,
        @JsonProperty("registrationExpiresAt") String registrationExpiresAt,
        @JsonProperty("refreshToken") String refreshToken) {

    @JsonIgnore
    public Instant expiry() {
        return parse(expiresAt);
    }

    @JsonIgnore
    public boolean expiredAt(Instant now) {
        Instant expiry = expiry();
        return expiry == null || !expiry.isAfter(now);
    }

    /** The client registration can be used again (the device flow then skips RegisterClient). */
    @JsonIgnore
    public boolean registrationValidAt(Instant now) {
        Instant until = parse(registrationExpiresAt);
        return clientId != null && clientSecret != null && until != null && until.isAfter(now.plusSeconds(60));
    }

    /** ISO-8601 in UTC, as the CLI writes it ("2026-12-02T18:00:00Z"); the CLI v1 era's "...UTC" suffix also reads. */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (t.endsWith("UTC")) {
            t = t.substring(0, t.length() - 3) + "Z";
        }
        try {
            return java.time.OffsetDateTime.parse(t).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static String format(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}
