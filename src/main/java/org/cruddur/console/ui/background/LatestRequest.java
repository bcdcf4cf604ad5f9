package org.cruddur.console.ui.background;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One kind of request of a view model (a page of conversations, a seed, a full scan, ...), where the latest request
 * wins: starting one stops the one before and forgets its outcome, so an older answer never lands after a newer one.
 * It owns what every such request needs and each view model used to write by hand: the generation that tells a
 * current outcome from a stale one, the loading flag, the progress (bound to the running job only while it runs),
 * stopping, an on-finished step, and reporting and logging failures. Modelled on JabRef's BackgroundTask and
 * UiTaskExecutor. Used on the UI thread only.
 */
public final class LatestRequest {

    private static final Logger LOG = Logger.getLogger(LatestRequest.class.getName());

    private final BackgroundWork work;
    private final Consumer<Throwable> report;
    private final JobsInFlight inFlight;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private Runnable onFinished = () -> { };
    /** Watching work (see {@link BackgroundWork#submitWatching}): left out of the window's busy indicator. */
    private boolean watching;
    /** Lets go of the result of the running request, if it was produced and not delivered (see the 4-argument run). */
    private Runnable overtaken = () -> { };
    private RunningJob current;
    private int generation;
    /** Starts the last request again: set when it failed, cleared when anything else starts or it is stopped. */
    private Runnable failedRequest;

    /** @param report shows a failure to people (cancellations included: the reporter decides how to show them) */
    public LatestRequest(BackgroundWork work, Consumer<Throwable> report) {
        this(work, report, JobsInFlight.NONE);
    }

    /** @param inFlight counts this request's job bodies while they run (the connection waits for them before closing) */
    public LatestRequest(BackgroundWork work, Consumer<Throwable> report, JobsInFlight inFlight) {
        this.work = work;
        this.report = report;
        this.inFlight = inFlight;
    }

    /** Marks this request's jobs as watching rather than loading: the window's busy indicator leaves them out. */
    public LatestRequest watching() {
        this.watching = true;
        return this;
    }

    /** A step run after every request that was not stopped, whether it succeeded or failed. */
    public LatestRequest onFinished(Runnable step) {
        this.onFinished = step;
        return this;
    }

    /** Starts {@code job}, stopping any request still running: the latest request wins. */
    public <T> void run(String title, BackgroundWork.Job<T> job, Consumer<T> onSuccess) {
        stop();
        start(title, job, onSuccess);
    }

    /**
     * Like {@link #run(String, BackgroundWork.Job, Consumer)} for a job whose result holds something to let go of
     * (an opened connection): when the request is overtaken after its job produced that result, {@code discard}
     * gets it instead of {@code onSuccess}, exactly once, so nothing is leaked however the race goes.
     */
    public <T> void run(String title, BackgroundWork.Job<T> job, Consumer<T> onSuccess, Consumer<T> discard) {
        stop();
        Outcome<T> outcome = new Outcome<>(discard);
        overtaken = outcome::overtaken;
        start(title, p -> outcome.produced(job.run(p)), result -> {
            if (outcome.deliver()) {
                onSuccess.accept(result);
            }
        });
    }

    /** Hands a produced result over either to its request or to the discard step, never to both. */
    private static final class Outcome<T> {
        private final Consumer<T> discard;
        private T result;
        private boolean produced;
        private boolean done;

        Outcome(Consumer<T> discard) {
            this.discard = discard;
        }

        /** On the worker, when the job returns. */
        synchronized T produced(T value) {
            if (done) {
                discard.accept(value);
            } else {
                result = value;
                produced = true;
            }
            return value;
        }

        /** On the UI thread, when the result arrives for a request still current; false when it was let go. */
        synchronized boolean deliver() {
            if (done) {
                return false;
            }
            done = true;
            return true;
        }

        /** On the UI thread, when the request is stopped: a result already produced is let go now. */
        synchronized void overtaken() {
            if (done) {
                return;
            }
            done = true;
            if (produced) {
                discard.accept(result);
            }
        }
    }

    /**
     * Starts {@code job} unless a request is running (a double click, a scroll that asks twice); returns whether it
     * started. For requests that continue from the previous one's answer, such as the next page.
     */
    public <T> boolean runIfIdle(String title, BackgroundWork.Job<T> job, Consumer<T> onSuccess) {
        if (loading.get()) {
            return false;
        }
        start(title, job, onSuccess);
        return true;
    }

    /**
     * Runs the last request again when it failed and nothing ran since (after signing in again, say), with the same
     * job and the same step on success; returns whether it did.
     */
    public boolean retryFailed() {
        Runnable again = failedRequest;
        if (again == null || loading.get()) {
            return false;
        }
        failedRequest = null;
        again.run();
        return true;
    }

    /** Stops the running request, if any: its outcome is never delivered, and nothing is loading any more. */
    public void stop() {
        failedRequest = null;
        generation++;
        Runnable letGo = overtaken;
        overtaken = () -> { };
        letGo.run();
        RunningJob running = current;
        current = null;
        if (running != null) {
            running.stop();
        }
        finish();
    }

    private <T> void start(String title, BackgroundWork.Job<T> job, Consumer<T> onSuccess) {
        failedRequest = null;
        int mine = ++generation;
        loading.set(true);
        progress.unbind();
        progress.set(-1);
        message.unbind();
        message.set("");
        BackgroundWork.Job<T> counted = p -> {
            inFlight.enter();
            try {
                return job.run(p);
            } finally {
                inFlight.exit();
            }
        };
        Consumer<T> delivered = result -> {
            if (mine == generation) {
                finish();
                progress.set(1);
                onSuccess.accept(result);
                onFinished.run();
            }
        };
        Consumer<Throwable> failed = failure -> {
            if (mine == generation) {
                finish();
                log(title, failure);
                failedRequest = () -> start(title, job, onSuccess);
                report.accept(failure);
                onFinished.run();
            } else {
                LOG.fine(() -> title + " (stopped) failed: " + OneLineError.of(failure));
            }
        };
        RunningJob submitted = watching ? work.submitWatching(title, counted, delivered, failed)
                : work.submit(title, counted, delivered, failed);
        // an executor that finished the job already (tests run jobs synchronously) has nothing left to follow
        if (mine == generation && loading.get()) {
            current = submitted;
            progress.bind(submitted.progressProperty());
            message.bind(submitted.messageProperty());
        }
    }

    private void finish() {
        current = null;
        loading.set(false);
        if (progress.isBound()) {
            double last = progress.get();
            progress.unbind();
            progress.set(last);
        }
        if (message.isBound()) {
            String last = message.get();
            message.unbind();
            message.set(last);
        }
    }

    /** Expected failures are one line; anything else is a bug or an environment problem worth its stack trace. */
    private static void log(String title, Throwable failure) {
        if (OneLineError.isExpected(failure)) {
            LOG.info(() -> title + ": " + OneLineError.of(failure));
        } else {
            LOG.log(Level.WARNING, title + " failed unexpectedly", failure);
        }
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean isLoading() {
        return loading.get();
    }

    /** What the running request last said of itself (a pace, a count); its last word once it ended. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The running request's progress: -1 while unknown, 0..1 after; 1 once it succeeded, else its last value. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
