package org.cruddur.console.ui.background;

import java.time.Duration;

/**
 * Counts job bodies running on worker threads, so a connection can wait for the jobs that still use its table to
 * end before it closes the table under them.
 */
public final class JobsInFlight {

    /** Counts nothing: for requests that use no table. */
    public static final JobsInFlight NONE = new JobsInFlight();

    private int running;

    public void enter() {
        if (this == NONE) {
            return;
        }
        synchronized (this) {
            running++;
        }
    }

    public void exit() {
        if (this == NONE) {
            return;
        }
        synchronized (this) {
            running--;
            notifyAll();
        }
    }

    /** Waits until no counted job runs, or {@code patience} has passed; returns whether none runs. */
    public synchronized boolean awaitNone(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (running > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
