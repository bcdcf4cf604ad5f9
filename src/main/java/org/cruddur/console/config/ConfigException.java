package org.cruddur.console.config;

/**
 * A problem with the console's own configuration (a profile that does not exist or is invalid, a profiles file that
 * cannot be written), with a one-line message for people. Its own type, so {@code config} depends on nothing of
 * the service layer; front ends treat it like the service's expected failures: one line, no stack trace.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
