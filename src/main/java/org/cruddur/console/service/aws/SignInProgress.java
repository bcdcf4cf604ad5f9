package org.cruddur.console.service.aws;

/** How the device-authorization flow talks to whoever started it. */
public interface SignInProgress {

    /** The code and page are known: show them and open the browser. Called once, before polling starts. */
    void authorize(DeviceAuthorization authorization);

    /** A line on how it stands ("Waiting for approval in the browser…"). */
    default void message(String text) {
    }

    /** True once the person gave up: polling stops with a CANCELLED failure. */
    default boolean stopRequested() {
        return Thread.currentThread().isInterrupted();
    }
}
