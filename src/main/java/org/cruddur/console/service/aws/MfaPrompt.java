package org.cruddur.console.service.aws;

import org.cruddur.console.service.ConsoleException;

/** Asks a person for the current code of their MFA device: the CLI on the terminal, the desktop in a dialog. */
@FunctionalInterface
public interface MfaPrompt {

    /** The 6-digit code, or null when the person cancelled. */
    String code(String awsProfile, String mfaSerial);

    /** Where no one can be asked (a script with no terminal). */
    MfaPrompt NONE = (awsProfile, mfaSerial) -> {
        throw new ConsoleException(ConsoleException.Kind.CREDENTIALS, "AWS profile '" + awsProfile
                + "' needs an MFA code (" + mfaSerial + ") and there is no terminal to ask on");
    };
}
