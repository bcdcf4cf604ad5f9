package org.cruddur.console.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.aws.MfaPrompt;

/** Reads an MFA code from the terminal (not echoed), or from a given reader in tests and pipes. */
final class TerminalMfa implements MfaPrompt {

    private final BufferedReader in;
    private final PrintWriter err;

    /** From the terminal of System.console(). */
    TerminalMfa() {
        this(null, null);
    }

    TerminalMfa(BufferedReader in, PrintWriter err) {
        this.in = in;
        this.err = err;
    }

    @Override
    public String code(String awsProfile, String mfaSerial) {
        String question = "MFA code for AWS profile '" + awsProfile + "' (" + mfaSerial + "): ";
        if (in != null) {
            err.print(question);
            err.flush();
            try {
                return in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Console console = System.console();
        if (console == null) {
            return MfaPrompt.NONE.code(awsProfile, mfaSerial);
        }
        char[] code = console.readPassword("%s", question);
        if (code == null) {
            throw new ConsoleException(ConsoleException.Kind.CANCELLED, "No MFA code given");
        }
        return new String(code);
    }
}
