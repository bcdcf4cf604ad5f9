package org.cruddur.console.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.background.RunningJob;

/** Runs jobs on the calling thread, for view-model tests without the toolkit. Remembers the titles it ran and their messages. */
public final class ImmediateWork implements BackgroundWork {

    public final List<String> titles = new ArrayList<>();
    /** What the jobs said of themselves ({@link JobProgress#message}), in order: a pace, a count. */
    public final List<String> messages = new ArrayList<>();

    @Override
    public <T> RunningJob submit(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        titles.add(title);
        SimpleDoubleProperty progress = new SimpleDoubleProperty(-1);
        SimpleStringProperty message = new SimpleStringProperty("");
        boolean[] stopped = {false};
        RunningJob handle = new RunningJob() {
            @Override public ReadOnlyDoubleProperty progressProperty() {
                return progress;
            }
            @Override public ReadOnlyStringProperty messageProperty() {
                return message;
            }
            @Override public void stop() {
                stopped[0] = true;
            }
            @Override public boolean isCancelled() {
                return stopped[0];
            }
        };
        T result;
        try {
            result = job.run(new JobProgress() {
                @Override public void update(long done, long total) {
                    progress.set(total <= 0 ? -1 : (double) done / total);
                }
                @Override public void message(String text) {
                    message.set(text);
                    synchronized (messages) {
                        messages.add(text);
                    }
                }
                @Override public boolean stopRequested() {
                    return stopped[0];
                }
            });
        } catch (Throwable e) {
            onFailure.accept(e);
            return handle;
        }
        onSuccess.accept(result);
        return handle;
    }
}
