package org.cruddur.console.ui.connection;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.background.LatestRequest;
import org.cruddur.console.ui.background.WorkDone;

/**
 * What a feature's view model needs of the connection, and no more: the open table, a signal that its data changed,
 * where failures are shown, and the executor. The window's shell provides it; feature view models never see the shell.
 */
public interface ConnectionContext {

    /** The open table, null while connecting or after a failure. */
    ReadOnlyObjectProperty<MessagesTable> tableProperty();

    default MessagesTable table() {
        return tableProperty().get();
    }

    /** Bumped whenever data changed underneath the views (refresh, seed, drop, reconnect): reload what is shown. */
    ReadOnlyIntegerProperty dataVersionProperty();

    ReadOnlyObjectProperty<TableState> tableStateProperty();

    /** Tells the views the data changed (and, when known, what the table holds now). */
    void dataChanged(TableState newState);

    /** Shows a failure as one line. */
    void report(Throwable failure);

    void report(String message);

    /** Announces background work the person started and that finished (the window shows it as a popup). */
    void finished(WorkDone done);

    BackgroundWork work();

    /**
     * A latest-request loader for jobs on the open table, reporting here: it is stopped when the table changes, and
     * the table is closed only after its jobs ended, so no job of an old table runs on, or reports on, the new one.
     */
    default LatestRequest tableRequest() {
        return tableRequest(this::report);
    }

    /** The same, with its own way of showing failures (which should still end in {@link #report}). */
    LatestRequest tableRequest(Consumer<Throwable> report);
}
