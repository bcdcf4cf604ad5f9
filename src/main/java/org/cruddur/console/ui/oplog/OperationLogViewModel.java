package org.cruddur.console.ui.oplog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.oplog.OperationLogEntry;
import org.cruddur.console.ui.connection.ConnectionContext;

/**
 * Every DynamoDB call of the open session, newest first. The service's log calls listeners on worker threads; entries
 * are queued and handed to the UI thread in batches, so a seed of thousands of calls costs a few UI updates.
 */
public final class OperationLogViewModel {

    public static final int CAPACITY = 2_000;

    private final Executor uiThread;
    private final ObservableList<OperationLogEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<OperationLogEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringBinding awsCli;
    private final ConcurrentLinkedQueue<OperationLogEntry> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Consumer<OperationLogEntry> listener = this::arrived;
    private MessagesTable watched;

    public OperationLogViewModel(ConnectionContext main, Executor uiThread) {
        this.uiThread = uiThread;
        awsCli = Bindings.createStringBinding(() -> selected.get() == null ? "" : selected.get().awsCli(), selected);
        main.tableProperty().addListener((obs, was, now) -> watch(now));
        watch(main.table());
    }

    private void watch(MessagesTable table) {
        if (watched != null) {
            watched.session().log().removeListener(listener);
        }
        watched = table;
        if (table != null) {
            // calls made while opening (the first probe) were logged before we listened
            List<OperationLogEntry> earlier = table.session().log().entriesAndAddListener(listener);
            List<OperationLogEntry> newestFirst = new ArrayList<>(earlier);
            java.util.Collections.reverse(newestFirst);
            entries.setAll(newestFirst);
        }
    }

    private void arrived(OperationLogEntry entry) {
        arrived.add(entry);
        if (drainScheduled.compareAndSet(false, true)) {
            uiThread.execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        List<OperationLogEntry> batch = new ArrayList<>();
        for (OperationLogEntry e; (e = arrived.poll()) != null; ) {
            batch.add(0, e);
        }
        if (batch.isEmpty()) {
            return;
        }
        entries.addAll(0, batch);
        if (entries.size() > CAPACITY) {
            entries.remove(CAPACITY, entries.size());
        }
    }

    public void clear() {
        entries.clear();
    }

    public ObservableList<OperationLogEntry> entries() {
        return entries;
    }

    public ObjectProperty<OperationLogEntry> selectedProperty() {
        return selected;
    }

    public StringBinding awsCliProperty() {
        return awsCli;
    }
}
