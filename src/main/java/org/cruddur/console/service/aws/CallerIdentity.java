package org.cruddur.console.service.aws;

import java.time.Duration;
import java.time.Instant;

/**
 * Who the console is on AWS: STS GetCallerIdentity's answer, with the IAM Identity Center token's expiry when the
 * profile signs in that way (null otherwise).
 */
public record CallerIdentity(String awsProfile, String account, String arn, String userId, Instant signInExpiresAt) {

    /** The role of an assumed-role ARN ("arn:aws:sts::1:assumed-role/Role/session" gives "Role"), else the ARN's last part. */
    public String roleOrUser() {
        if (arn == null) {
            return "";
        }
        String resource = arn.substring(arn.lastIndexOf(':') + 1);
        String[] parts = resource.split("/");
        if (parts[0].equals("assumed-role") && parts.length > 1) {
            return parts[1];
        }
        return parts[parts.length - 1];
    }

    /** Time left until the sign-in expires, never negative; null when there is no sign-in to expire. */
    public Duration timeLeft(Instant now) {
        if (signInExpiresAt == null) {
            return null;
        }
        Duration left = Duration.between(now, signInExpiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** "2h 05m", "12m", "expired". */
    public static String describe(Duration left) {
        if (left == null) {
            return "";
        }
        if (left.isZero()) {
            return "expired";
        }
        long minutes = left.toMinutes();
        return minutes >= 60 ? String.format("%dh %02dm", minutes / 60, minutes % 60) : Math.max(minutes, 1) + "m";
    }
}
