package org.cruddur.console.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.background.RunningJob;

/**
 * Holds submitted jobs until the test releases them, on the test's thread: an in-flight request stays in flight for
 * exactly as long as the test needs, without threads or timing. Stopped jobs are never delivered, as in the console.
 */
public final class HeldWork implements BackgroundWork {

    private final Deque<Runnable> held = new ArrayDeque<>();
    private final ImmediateWork immediate = new ImmediateWork();

    @Override
    public <T> RunningJob submit(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        RunningJob[] handle = new RunningJob[1];
        boolean[] stopped = {false};
        RunningJob placeholder = new RunningJob() {
            final javafx.beans.property.SimpleDoubleProperty progress = new javafx.beans.property.SimpleDoubleProperty(-1);
            final javafx.beans.property.SimpleStringProperty message = new javafx.beans.property.SimpleStringProperty("");
            @Override public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
                return progress;
            }
            @Override public javafx.beans.property.ReadOnlyStringProperty messageProperty() {
                return message;
            }
            @Override public void stop() {
                stopped[0] = true;
            }
            @Override public boolean isCancelled() {
                return stopped[0];
            }
        };
        held.add(() -> {
            if (!stopped[0]) {
                handle[0] = immediate.submit(title, job, onSuccess, onFailure);
            }
        });
        return placeholder;
    }

    /** Runs the oldest held job (and delivers its outcome); false when none was held. */
    public boolean releaseOne() {
        Runnable next = held.poll();
        if (next == null) {
            return false;
        }
        next.run();
        return true;
    }

    /** Runs held jobs, and the ones they lead to, until none is left. */
    public void releaseAll() {
        while (releaseOne()) {
            // keep going: a delivered outcome may submit the next job
        }
    }

    public int heldCount() {
        return held.size();
    }
}
