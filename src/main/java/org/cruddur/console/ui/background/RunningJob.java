package org.cruddur.console.ui.background;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A submitted job: its progress (-1 while unknown, 0..1 after), its latest message, and a way to stop it. */
public interface RunningJob {

    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    /** Asks the job to stop: interrupts it, and its outcome is never delivered. */
    void stop();

    boolean isCancelled();
}
