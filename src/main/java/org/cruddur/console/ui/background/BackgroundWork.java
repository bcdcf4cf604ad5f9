package org.cruddur.console.ui.background;

import java.util.function.Consumer;

/**
 * Runs service calls away from the UI thread and hands results and failures back on it. View models depend on
 * this interface only, so tests can run jobs synchronously without the toolkit.
 */
public interface BackgroundWork {

    /** What a job does off the UI thread; it may report progress and should stop when asked to. */
    @FunctionalInterface
    interface Job<T> {
        T run(JobProgress progress) throws Exception;
    }

    /** What a running job can tell the UI, and ask it. Callable from any thread. */
    interface JobProgress {
        void update(long done, long total);

        void message(String text);

        boolean stopRequested();
    }

    /**
     * Starts {@code job}; exactly one of {@code onSuccess} / {@code onFailure} is later called on the UI thread
     * (never after {@link RunningJob#stop()}).
     */
    <T> RunningJob submit(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /**
     * Like {@link #submit}, for work that watches rather than loads (a live tail following a stream): it runs the same
     * way, but the window's busy indicator and work label leave it out, or the console would look busy for as long as
     * the watching pane is open.
     */
    default <T> RunningJob submitWatching(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(title, job, onSuccess, onFailure);
    }
}
