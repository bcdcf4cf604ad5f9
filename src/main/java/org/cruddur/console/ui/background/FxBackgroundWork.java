package org.cruddur.console.ui.background;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * The one shared executor of the desktop console: every job runs as a {@link Task} on a small pool of daemon
 * threads, and its outcome is delivered on the FX thread. {@link #runningProperty()} drives the busy indicator.
 */
public final class FxBackgroundWork implements BackgroundWork, AutoCloseable {

    private final ExecutorService executor;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);
    private final ReadOnlyStringWrapper currentTitle = new ReadOnlyStringWrapper(this, "currentTitle", "");
    /** The progress of the newest counted job still running: -1 while it does not know, 0 when nothing runs. */
    private final ReadOnlyDoubleWrapper currentProgress = new ReadOnlyDoubleWrapper(this, "currentProgress", 0);
    /** Counted jobs still running, oldest first; read and changed on the FX thread. */
    private final Deque<JobTask<?>> counting = new ArrayDeque<>();

    public FxBackgroundWork(int threads) {
        AtomicInteger counter = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "console-worker-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Jobs submitted and not finished yet; read on the FX thread. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentTitleProperty() {
        return currentTitle.getReadOnlyProperty();
    }

    /** Progress of the newest job still running (what the status bar shows): -1 indeterminate, 0 when idle. */
    public ReadOnlyDoubleProperty currentProgressProperty() {
        return currentProgress.getReadOnlyProperty();
    }

    private void followNewestJob() {
        currentProgress.unbind();
        JobTask<?> newest = counting.peekLast();
        if (newest == null) {
            currentProgress.set(0);
        } else {
            currentProgress.bind(newest.progressProperty());
        }
    }

    @Override
    public <T> RunningJob submit(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(title, job, onSuccess, onFailure, true);
    }

    @Override
    public <T> RunningJob submitWatching(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return submit(title, job, onSuccess, onFailure, false);
    }

    private <T> RunningJob submit(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure, boolean counted) {
        JobTask<T> task = new JobTask<>(job);
        if (counted) {
            running.set(running.get() + 1);
            currentTitle.set(title);
            counting.addLast(task);
            followNewestJob();
            task.stateProperty().addListener((obs, was, state) -> {
                if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                    running.set(running.get() - 1);
                    counting.remove(task);
                    followNewestJob();
                    if (running.get() == 0) {
                        currentTitle.set("");
                    }
                }
            });
        }
        // a stopped job may still have finished (Task.cancel is refused once call() has returned): never deliver it
        task.setOnSucceeded(e -> {
            if (!task.stopped) {
                onSuccess.accept(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (!task.stopped) {
                onFailure.accept(task.getException());
            }
        });
        executor.execute(task);
        return task;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static final class JobTask<T> extends Task<T> implements RunningJob, JobProgress {
        private final Job<T> job;
        /** Set by {@link #stop()} (on the FX thread), read there when the outcome arrives. */
        private volatile boolean stopped;

        JobTask(Job<T> job) {
            this.job = job;
        }

        @Override
        protected T call() throws Exception {
            return job.run(this);
        }

        @Override
        public void update(long done, long total) {
            updateProgress(done, total);
        }

        @Override
        public void message(String text) {
            updateMessage(text);
        }

        @Override
        public boolean stopRequested() {
            return isCancelled();
        }

        @Override
        public void stop() {
            stopped = true;
            cancel(true);
        }
    }
}
