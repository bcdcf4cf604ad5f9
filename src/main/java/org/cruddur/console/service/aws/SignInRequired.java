package org.cruddur.console.service.aws;

import org.cruddur.console.service.ConsoleException;

/** The AWS profile signs in with IAM Identity Center and has no usable token: signing in again fixes it. */
public final class SignInRequired extends ConsoleException {

    private final String awsProfile;

    public SignInRequired(String awsProfile, String message, Throwable cause) {
        super(Kind.SIGN_IN, message, cause);
        this.awsProfile = awsProfile;
    }

    public String awsProfile() {
        return awsProfile;
    }
}
