package org.cruddur.console.ui.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.session.DynamoSession;
import org.cruddur.console.service.streams.StreamEvent;
import org.cruddur.console.service.streams.StreamStart;
import org.cruddur.console.service.streams.StreamTail;
import org.cruddur.console.service.streams.TableStream;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.background.LatestRequest;
import org.cruddur.console.ui.background.OneLineError;
import org.cruddur.console.ui.connection.ConnectionContext;

/**
 * The Streams pane: a live tail of the table's stream. Reading is a chain of short requests (each waits at most about
 * a second for new records, as the tail's pace says), so it never holds the UI thread, stops at once when the pane is
 * hidden, paused or the profile changes (the connection stops the table's requests), and goes on from the same
 * position when resumed. At most {@link #MAX_RECORDS} records are held: the oldest go first.
 */
public final class StreamsViewModel {

    public static final int MAX_RECORDS = 2_000;
    /** How long one read request waits for new records before it reports back (and the next one starts). */
    static final long ROUND_MILLIS = 1_000;

    private final ConnectionContext connection;
    private final Executor uiThread;
    private final LatestRequest reads;
    private final LatestRequest enabling;
    /** The selected message judged again against the table now: the latest selection wins. */
    private final LatestRequest judging;
    private final ObjectProperty<org.cruddur.console.service.streams.LambdaVerdict> verdictNow =
            new SimpleObjectProperty<>(this, "verdictNow");
    private final ObservableList<StreamEvent> records = FXCollections.observableArrayList();
    private final FilteredList<StreamEvent> shown = new FilteredList<>(records, e -> true);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<StreamEvent> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused", false);
    private final ObjectProperty<StreamStart> from = new SimpleObjectProperty<>(this, "from", StreamStart.LATEST);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty noStream = new SimpleBooleanProperty(this, "noStream", false);
    private final ReadOnlyLongWrapper received = new ReadOnlyLongWrapper(this, "received", 0);
    private final BooleanBinding canEnable;
    private BiConsumer<String, String> openConversation = (user, group) -> { };
    /** The tail of the open table from the chosen start; replaced when either changes. */
    private LiveTail live;

    /**
     * @param uiThread runs the next read after a delivered one (never inside the delivery: a synchronous executor in
     *                 tests would recurse)
     * @param writesAllowed whether the read-only lock is open (enabling the stream writes)
     */
    public StreamsViewModel(ConnectionContext connection, ObservableBooleanValue writesAllowed, Executor uiThread) {
        this.connection = connection;
        this.uiThread = uiThread;
        this.reads = connection.tableRequest(this::failed).watching();
        this.enabling = connection.tableRequest(this::failed);
        this.judging = connection.tableRequest();
        selected.addListener((obs, was, e) -> judgeNow(e));
        canEnable = Bindings.createBooleanBinding(() -> noStream.get() && writesAllowed.get() && !enabling.isLoading()
                && connection.table() != null, noStream, writesAllowed, enabling.loadingProperty(), connection.tableProperty());
        filter.addListener((obs, was, now) -> shown.setPredicate(matching(now)));
        connection.tableProperty().addListener((obs, was, now) -> {
            // the connection stopped the old table's reads; the new table starts from the chosen point again
            live = null;
            records.clear();
            selected.set(null);
            noStream.set(false);
            received.set(0);
            status.set("");
            continueReading();
        });
        active.addListener((obs, was, now) -> {
            if (now) {
                continueReading();
            } else {
                reads.stop();
                showState();
            }
        });
        paused.addListener((obs, was, now) -> {
            if (now) {
                reads.stop();
                showState();
            } else {
                continueReading();
            }
        });
        from.addListener((obs, was, now) -> restart());
    }

    /** Where "open conversation" goes: the user (a message's sender, a group row's owner) and the conversation. */
    public void onOpenConversation(BiConsumer<String, String> open) {
        this.openConversation = open;
    }

    /** The records of one table, from one start, read by one request at a time (the lock keeps a stopped one out). */
    private static final class LiveTail {
        final MessagesTable table;
        final StreamStart start;
        private StreamTail tail;
        /** Read, not yet shown: kept here so a request stopped between reading and delivering loses nothing. */
        private final List<StreamEvent> undelivered = new ArrayList<>();

        LiveTail(MessagesTable table, StreamStart start) {
            this.table = table;
            this.start = start;
        }

        /** One request: waits as the pace says, reads rounds until some records came or about a second passed. */
        synchronized int read(BackgroundWork.JobProgress progress) {
            DynamoSession session = table.session();
            if (tail == null) {
                tail = new TableStream(session).tail(start);
            }
            long deadline = System.nanoTime() + ROUND_MILLIS * 1_000_000L;
            int got = 0;
            while (!progress.stopRequested() && !Thread.currentThread().isInterrupted()) {
                tail.pause(progress::stopRequested);
                if (progress.stopRequested()) {
                    break;
                }
                List<StreamEvent> round = tail.poll();
                got += round.size();
                synchronized (undelivered) {
                    undelivered.addAll(round);
                    if (undelivered.size() > MAX_RECORDS) {
                        undelivered.subList(0, undelivered.size() - MAX_RECORDS).clear();
                    }
                }
                if (got > 0 || System.nanoTime() > deadline) {
                    break;
                }
            }
            return got;
        }

        List<StreamEvent> takeUndelivered() {
            synchronized (undelivered) {
                List<StreamEvent> out = new ArrayList<>(undelivered);
                undelivered.clear();
                return out;
            }
        }
    }

    /** Reads on, when the pane is shown, not paused, and a table with a stream is open. */
    void continueReading() {
        MessagesTable t = connection.table();
        if (!active.get() || paused.get() || t == null || noStream.get() || reads.isLoading()) {
            showState();
            return;
        }
        if (live == null || live.table != t) {
            live = new LiveTail(t, from.get());
        }
        LiveTail mine = live;
        showState();
        reads.run("Reading the table's stream", mine::read, count -> delivered(mine));
    }

    private void delivered(LiveTail mine) {
        if (mine != live) {
            return;
        }
        List<StreamEvent> batch = mine.takeUndelivered();
        if (!batch.isEmpty()) {
            records.addAll(batch);
            received.set(received.get() + batch.size());
            if (records.size() > MAX_RECORDS) {
                records.remove(0, records.size() - MAX_RECORDS);
            }
        }
        showState();
        uiThread.execute(this::continueReading);
    }

    private void failed(Throwable failure) {
        if (failure instanceof TableStream.NoStreamException) {
            noStream.set(true);
            status.set(OneLineError.of(failure));
            return;
        }
        status.set("Stopped: " + OneLineError.of(failure) + " (Resume reads on)");
        paused.set(true);
        connection.report(failure);
    }

    private void showState() {
        if (noStream.get()) {
            return;
        }
        MessagesTable t = connection.table();
        String where = from.get() == StreamStart.LATEST ? "new records" : "every record the stream holds";
        String state;
        if (t == null) {
            state = "Not connected.";
        } else if (paused.get()) {
            state = "Paused";
        } else if (!active.get()) {
            state = "Stopped while the pane is hidden";
        } else {
            state = "Following " + where;
        }
        status.set(String.format(Locale.ROOT, "%s · %,d records received · %,d held (at most %,d)", state, received.get(),
                records.size(), MAX_RECORDS));
    }

    /** Starts again from the chosen point, forgetting what is shown. */
    public void restart() {
        reads.stop();
        live = null;
        records.clear();
        selected.set(null);
        received.set(0);
        continueReading();
    }

    public void togglePause() {
        paused.set(!paused.get());
    }

    /** Turns on a NEW_IMAGE stream (the table is updated; the read-only lock is respected), then follows it. */
    public void enableStream() {
        MessagesTable t = connection.table();
        if (t == null || !canEnable.get()) {
            return;
        }
        status.set("Enabling a NEW_IMAGE stream on '" + t.session().tableName() + "'…");
        enabling.run("Enabling the stream", p -> new TableStream(t.session()).enable(), enabled -> {
            noStream.set(false);
            live = null;
            continueReading();
        });
    }

    /**
     * Judges a selected message INSERT again against the table now: a verdict is made when the record is read, and
     * the Lambda may have caught up since.
     */
    private void judgeNow(StreamEvent e) {
        verdictNow.set(null);
        MessagesTable t = connection.table();
        if (e == null || !e.isMessageInsert() || t == null) {
            judging.stop();
            return;
        }
        judging.run("Judging the message against the table now",
                p -> new org.cruddur.console.service.streams.LambdaCheck(t.session()).judge(List.of(e)).get(0).lambda(),
                verdictNow::set);
    }

    /** The selected message's verdict against the table now (null until judged, or for other records). */
    public ObjectProperty<org.cruddur.console.service.streams.LambdaVerdict> verdictNowProperty() {
        return verdictNow;
    }

    /** Opens the selected record's conversation in Messages, as its user (a message's sender, a group row's owner). */
    public void openSelectedConversation() {
        StreamEvent e = selected.get();
        if (e != null && e.conversation() != null && e.userUuid() != null) {
            openConversation.accept(e.userUuid(), e.conversation());
        }
    }

    /** A record matches when its conversation or user contains the text, or its sender's @handle is it. */
    static java.util.function.Predicate<StreamEvent> matching(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return e -> true;
        }
        String handle = t.startsWith("@") ? t.substring(1) : t;
        return e -> contains(e.conversation(), t) || contains(e.userUuid(), t)
                || handle.equals(lower(TableItems.text(e.newImage(), TableItems.USER_HANDLE))) && e.kind() == org.cruddur.console.service.streams.RecordKind.MESSAGE;
    }

    private static boolean contains(String value, String part) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(part);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** Every record held, oldest first. */
    public ObservableList<StreamEvent> records() {
        return records;
    }

    /** The held records the filter lets through. */
    public ObservableList<StreamEvent> shown() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<StreamEvent> selectedProperty() {
        return selected;
    }

    /** Whether the pane is in view: reading stops while it is not. */
    public BooleanProperty activeProperty() {
        return active;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ObjectProperty<StreamStart> fromProperty() {
        return from;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty noStreamProperty() {
        return noStream;
    }

    public BooleanBinding canEnableProperty() {
        return canEnable;
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reads.loadingProperty();
    }

    public ReadOnlyLongProperty receivedProperty() {
        return received.getReadOnlyProperty();
    }
}
