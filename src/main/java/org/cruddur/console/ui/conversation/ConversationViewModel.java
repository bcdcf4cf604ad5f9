package org.cruddur.console.ui.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cruddur.console.ui.startup.StartupTimes;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.MessageRow;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.transcripts.ConversationTimeline;
import org.cruddur.console.service.transcripts.TimelineMessage;
import org.cruddur.console.service.items.Page;
import org.cruddur.console.ui.background.LatestRequest;
import org.cruddur.console.ui.connection.ConnectionContext;
import org.cruddur.console.ui.rawitems.RawItemsViewModel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The open conversation (pattern A), oldest at the top and newest at the bottom, read a page at a time from the
 * newest end. Memory stays bounded: at most {@link #WINDOW} messages are held; reading further back drops the
 * newest ones, and "jump to newest" reads them again. The raw items list mirrors the entries one to one, so a
 * selected bubble and a selected raw row are the same index.
 */
public final class ConversationViewModel {

    public static final int PAGE_SIZE = 100;
    public static final int WINDOW = 5_000;

    private final ConnectionContext main;
    /** The pages of the open conversation: opening another replaces the page in flight; "older" waits for it. */
    private final LatestRequest pages;
    private final ObservableList<ThreadEntry> entries = FXCollections.observableArrayList();
    private final RawItemsViewModel rawItems = new RawItemsViewModel();
    private final ObjectProperty<MessageGroupRow> conversation = new SimpleObjectProperty<>(this, "conversation");
    private final StringProperty viewerUuid = new SimpleStringProperty(this, "viewerUuid");
    private final BooleanProperty hasOlder = new SimpleBooleanProperty(this, "hasOlder");
    private final BooleanProperty newerDropped = new SimpleBooleanProperty(this, "newerDropped");
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    /** Bumped after a page of the newest messages arrives, so the view scrolls to the bottom. */
    private final IntegerProperty newestShown = new SimpleIntegerProperty(this, "newestShown");
    private final int pageSize;
    private final int window;
    private Map<String, AttributeValue> olderKey;
    /** Opened in the middle (a find result, a date): older and newer pages read on from these places in time order. */
    private TimelineMessage.Position olderFrom;
    private TimelineMessage.Position newerFrom;
    private final BooleanProperty hasNewer = new SimpleBooleanProperty(this, "hasNewer");

    public ConversationViewModel(ConnectionContext main) {
        this(main, PAGE_SIZE, WINDOW);
    }

    /** @param window the most messages held at once; at least two pages */
    public ConversationViewModel(ConnectionContext main, int pageSize, int window) {
        this.main = main;
        this.pages = main.tableRequest();
        this.pageSize = pageSize;
        this.window = Math.max(window, 2 * pageSize);
        selectedIndex.bindBidirectional(rawItems.selectedIndexProperty());
        main.tableProperty().addListener((obs, was, now) -> {
            if (now == null) {
                open(null, null);
            }
        });
    }

    /** Shows a conversation as seen by {@code viewer} (their messages on the right); null closes it. */
    public void open(MessageGroupRow group, String viewer) {
        conversation.set(group);
        viewerUuid.set(viewer);
        reloadNewest();
    }

    /** Reads the newest page again, replacing what is held. */
    public void reloadNewest() {
        MessageGroupRow group = conversation.get();
        MessagesTable t = main.table();
        olderKey = null;
        olderFrom = null;
        newerFrom = null;
        hasNewer.set(false);
        newerDropped.set(false);
        if (group == null || t == null) {
            pages.stop();
            clear();
            return;
        }
        pages.run("Loading conversation", progress -> t.conversations().page(group.messageGroupUuid(), pageSize, null),
                page -> {
                    StartupTimes.mark("conversation page");
                    List<ThreadEntry> oldestFirst = oldestFirst(page);
                    selectedIndex.set(-1);
                    rawItems.items().setAll(oldestFirst.stream().map(ThreadEntry::item).toList());
                    entries.setAll(oldestFirst);
                    olderKey = page.nextKey();
                    hasOlder.set(page.hasMore());
                    newestShown.set(newestShown.get() + 1);
                });
    }

    /** Opens the thread at a message (a find result): its page, the bubble and its raw item selected. */
    public void jumpToMessage(TimelineMessage.Position position) {
        jump("Opening the thread at the message", t -> t.timeline().aroundMessage(conversation.get().messageGroupUuid(), position, pageSize));
    }

    /** Opens the thread at the newest message at or before {@code instant}, selected; older and newer pages load on scroll. */
    public void jumpToInstant(Instant instant) {
        jump("Opening the thread at " + instant, t -> t.timeline().aroundInstant(conversation.get().messageGroupUuid(), instant, pageSize));
    }

    private void jump(String title, java.util.function.Function<MessagesTable, ConversationTimeline.Around> read) {
        MessagesTable t = main.table();
        if (conversation.get() == null || t == null) {
            return;
        }
        pages.run(title, progress -> read.apply(t), around -> {
            List<ThreadEntry> oldestFirst = new ArrayList<>();
            List<TimelineMessage> older = around.older().messages();
            for (int i = older.size() - 1; i >= 0; i--) {
                oldestFirst.add(entry(older.get(i)));
            }
            around.newer().messages().forEach(m -> oldestFirst.add(entry(m)));
            selectedIndex.set(-1);
            rawItems.items().setAll(oldestFirst.stream().map(ThreadEntry::item).toList());
            entries.setAll(oldestFirst);
            olderKey = null;
            olderFrom = older.isEmpty() ? null : older.get(older.size() - 1).position();
            hasOlder.set(around.older().more());
            newerFrom = oldestFirst.isEmpty() ? null : position(oldestFirst.get(oldestFirst.size() - 1));
            hasNewer.set(around.newer().more());
            newerDropped.set(around.newer().more());
            if (!oldestFirst.isEmpty()) {
                selectedIndex.set(older.isEmpty() ? 0 : older.size() - 1);
            }
        });
    }

    /** Reads the next newer page (after a jump, or after older reads let the newest go) and puts it at the bottom. */
    public void loadNewer() {
        MessageGroupRow group = conversation.get();
        MessagesTable t = main.table();
        TimelineMessage.Position from = newerFrom;
        if (group == null || t == null || from == null || !hasNewer.get()) {
            return;
        }
        pages.runIfIdle("Loading newer messages", progress -> t.timeline().read(group.messageGroupUuid(),
                ConversationTimeline.Direction.OLDEST_FIRST, from, null, pageSize, () -> progress.stopRequested()), slice -> {
                    List<ThreadEntry> newer = slice.messages().stream().map(ConversationViewModel::entry).toList();
                    append(newer);
                    if (!entries.isEmpty()) {
                        newerFrom = position(entries.get(entries.size() - 1));
                    }
                    hasNewer.set(slice.more());
                    newerDropped.set(slice.more());
                });
    }

    private void append(List<ThreadEntry> newer) {
        int selected = selectedIndex.get();
        selectedIndex.set(-1);
        int overflow = entries.size() + newer.size() - window;
        if (overflow > 0) {
            // keep memory bounded: forget the oldest; scrolling up reads them again from the new top
            entries.remove(0, overflow);
            rawItems.items().remove(0, overflow);
            selected = selected >= overflow ? selected - overflow : -1;
            olderKey = null;
            olderFrom = entries.isEmpty() ? null : position(entries.get(0));
            hasOlder.set(true);
        }
        rawItems.items().addAll(newer.stream().map(ThreadEntry::item).toList());
        entries.addAll(newer);
        if (selected >= 0) {
            selectedIndex.set(selected);
        }
    }

    private static ThreadEntry entry(TimelineMessage m) {
        return ThreadEntry.of(m.row(), m.item());
    }

    private static TimelineMessage.Position position(ThreadEntry e) {
        return TimelineMessage.of(e.item()).position();
    }

    /** Reads the next older page and puts it on top; returns at once when there is none or one is loading. */
    public void loadOlder() {
        MessageGroupRow group = conversation.get();
        MessagesTable t = main.table();
        Map<String, AttributeValue> from = olderKey;
        if (group != null && t != null && from == null && olderFrom != null && hasOlder.get()) {
            TimelineMessage.Position before = olderFrom;
            pages.runIfIdle("Loading older messages", progress -> t.timeline().read(group.messageGroupUuid(),
                    ConversationTimeline.Direction.NEWEST_FIRST, before, null, pageSize, () -> progress.stopRequested()), slice -> {
                        List<ThreadEntry> older = new ArrayList<>();
                        slice.messages().forEach(m -> older.add(0, entry(m)));
                        prepend(older);
                        olderFrom = entries.isEmpty() ? null : position(entries.get(0));
                        hasOlder.set(slice.more());
                    });
            return;
        }
        if (group == null || t == null || from == null) {
            return;
        }
        pages.runIfIdle("Loading older messages", progress -> t.conversations().page(group.messageGroupUuid(), pageSize, from),
                page -> {
                    prepend(oldestFirst(page));
                    olderKey = page.nextKey();
                    hasOlder.set(page.hasMore());
                });
    }

    private void prepend(List<ThreadEntry> older) {
        int selected = selectedIndex.get();
        selectedIndex.set(-1);
        int overflow = entries.size() + older.size() - window;
        if (overflow > 0) {
            // keep memory bounded: forget the newest messages; "jump to newest" reads them again
            int keep = entries.size() - overflow;
            entries.remove(keep, entries.size());
            rawItems.items().remove(keep, rawItems.items().size());
            newerDropped.set(true);
            hasNewer.set(true);
            newerFrom = keep == 0 ? null : position(entries.get(keep - 1));
            if (selected >= keep) {
                selected = -1;
            }
        }
        rawItems.items().addAll(0, older.stream().map(ThreadEntry::item).toList());
        entries.addAll(0, older);
        if (selected >= 0 && selected + older.size() < entries.size()) {
            selectedIndex.set(selected + older.size());
        }
    }

    private static List<ThreadEntry> oldestFirst(Page<MessageRow> page) {
        List<ThreadEntry> out = new ArrayList<>(page.rows().size());
        for (int i = page.rows().size() - 1; i >= 0; i--) {
            out.add(ThreadEntry.of(page.rows().get(i), page.items().get(i)));
        }
        return out;
    }

    private void clear() {
        selectedIndex.set(-1);
        entries.clear();
        rawItems.items().clear();
        hasOlder.set(false);
    }

    /** Whether a message was sent by the person whose view this is (drawn on the right). */
    public boolean isMine(ThreadEntry entry) {
        return entry.message().userUuid() != null && entry.message().userUuid().equals(viewerUuid.get());
    }

    /** Whether entry {@code index} starts a new local day, and so gets a day separator above it. */
    public boolean startsDay(int index, MessageTimes times) {
        if (index <= 0) {
            return true;
        }
        return !times.day(entries.get(index).at()).equals(times.day(entries.get(index - 1).at()));
    }

    public ObservableList<ThreadEntry> entries() {
        return entries;
    }

    public RawItemsViewModel rawItems() {
        return rawItems;
    }

    public ObjectProperty<MessageGroupRow> conversationProperty() {
        return conversation;
    }

    public StringProperty viewerUuidProperty() {
        return viewerUuid;
    }

    public BooleanProperty hasOlderProperty() {
        return hasOlder;
    }

    /** Whether newer messages than those held can be read on scroll to the bottom. */
    public BooleanProperty hasNewerProperty() {
        return hasNewer;
    }

    public BooleanProperty newerDroppedProperty() {
        return newerDropped;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return pages.loadingProperty();
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public IntegerProperty newestShownProperty() {
        return newestShown;
    }
}
