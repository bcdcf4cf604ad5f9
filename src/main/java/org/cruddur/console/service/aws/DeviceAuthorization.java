package org.cruddur.console.service.aws;

import java.time.Instant;

/** What a person needs to approve a sign-in: the code to compare, and the page to open (with the code filled in). */
public record DeviceAuthorization(String awsProfile, String startUrl, String userCode, String verificationUri,
                                  String verificationUriComplete, Instant expiresAt) {

    /** The page to open: with the code filled in when the service gave one. */
    public String pageToOpen() {
        return verificationUriComplete != null && !verificationUriComplete.isBlank() ? verificationUriComplete : verificationUri;
    }
}
