package org.cruddur.console.ui.inbox;

import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cruddur.console.ui.startup.StartupTimes;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.cruddur.console.service.health.Finding;
import org.cruddur.console.service.health.HealthReport;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.items.Page;
import org.cruddur.console.service.users.DirectoryEntry;
import org.cruddur.console.service.users.DirectoryListing;
import org.cruddur.console.service.users.DirectoryMerge;
import org.cruddur.console.ui.background.LatestRequest;
import org.cruddur.console.ui.connection.ConnectionContext;
import org.cruddur.console.ui.health.HealthFindings;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The left pane: everyone the user directory knows (seed users, the table and Cognito, searchable by handle, name,
 * email, uuid or sub), the person picked there (whose details the details pane shows), and the person whose
 * conversations (pattern B) are open, newest first, a page at a time. Picking someone only shows who they are;
 * opening their conversations is a separate step, so the composer can write as one person to another.
 */
public final class InboxViewModel {

    public static final int PAGE_SIZE = 30;

    private final ConnectionContext main;
    private final ObservableList<ChatUser> users = FXCollections.observableArrayList();
    private final ObservableList<DirectoryEntry> matchingPeople = FXCollections.observableArrayList();
    private final ObservableList<String> directoryNotes = FXCollections.observableArrayList();
    private final BooleanProperty directoryLoaded = new SimpleBooleanProperty(this, "directoryLoaded");
    private final ObjectProperty<DirectoryEntry> selectedPerson = new SimpleObjectProperty<>(this, "selectedPerson");
    private DirectoryListing listing = new DirectoryListing(List.of(), List.of(), false);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<ChatUser> selectedUser = new SimpleObjectProperty<>(this, "selectedUser");
    private final ObservableList<MessageGroupRow> conversations = FXCollections.observableArrayList();
    private final ObjectProperty<MessageGroupRow> selectedConversation = new SimpleObjectProperty<>(this, "selectedConversation");
    private final BooleanProperty hasMore = new SimpleBooleanProperty(this, "hasMore");
    private final StringProperty preferredUserUuid = new SimpleStringProperty(this, "preferredUserUuid");
    /** The people directory: a refresh replaces a read still running. */
    private final LatestRequest people;
    /** The pages of the open inbox: a new person replaces the page in flight; "more" waits for it. */
    private final LatestRequest pages;
    private final BooleanBinding canLoadMore;
    private final int pageSize;
    private final HealthFindings health;
    private Map<String, AttributeValue> nextKey;
    private Runnable pendingDirectory;
    private boolean directoryReadOnce;

    public InboxViewModel(ConnectionContext main) {
        this(main, PAGE_SIZE);
    }

    public InboxViewModel(ConnectionContext main, int pageSize) {
        this(main, pageSize, new HealthFindings());
    }

    /** @param health the last check's findings: conversations with findings are marked and open the Health pane */
    public InboxViewModel(ConnectionContext main, int pageSize, HealthFindings health) {
        this.main = main;
        this.pageSize = pageSize;
        this.health = health;
        this.people = main.tableRequest();
        // a failed page still lets the directory scan start (it waits for the first page otherwise)
        this.pages = main.tableRequest(failure -> {
            main.report(failure);
            loadDirectory();
        });
        canLoadMore = Bindings.createBooleanBinding(() -> hasMore.get() && !pages.isLoading(), hasMore, pages.loadingProperty());
        search.addListener((obs, was, text) -> matchingPeople.setAll(listing.search(text)));
        selectedUser.addListener((obs, was, user) -> {
            if (user != null) {
                preferredUserUuid.set(user.uuid());
                // the details pane follows whoever's conversations were opened
                DirectoryEntry shown = selectedPerson.get();
                if (shown == null || !user.uuid().equals(shown.userUuid())) {
                    selectedPerson.set(entryOf(user.uuid()));
                }
            }
            reloadConversations(null);
        });
        main.dataVersionProperty().addListener((obs, was, now) -> loadUsers());
        main.tableProperty().addListener((obs, was, now) -> {
            if (now == null) {
                directoryReadOnce = false; // the next table's first conversation goes first again
                pendingDirectory = null;
                pages.stop();
                people.stop();
                nextKey = null;
                conversations.clear();
                selectedConversation.set(null);
                hasMore.set(false);
            }
        });
    }

    /**
     * Reads the people again, keeping the selected (or remembered) person selected. The seed users show at once, so
     * the inbox need not wait for the directory, which scans the whole table for the people group rows name and reads
     * Cognito (seconds on a large table or pool); the merged directory replaces them when that is done.
     */
    public void loadUsers() {
        MessagesTable t = main.table();
        if (t == null) {
            return;
        }
        List<ChatUser> seed = t.users().seedUsers();
        if (users.isEmpty() || !users.containsAll(seed)) {
            directoryLoaded.set(false);
            directoryNotes.clear();
            show(new DirectoryListing(DirectoryMerge.merge(seed, List.of(), List.of(), false), List.of(), false), seed);
        }
        String wanted = selectedUser.get() != null ? selectedUser.get().uuid() : preferredUserUuid.get();
        people.stop(); // an older read must not land after this one
        pendingDirectory = () -> people.run("Loading people", progress -> t.users().directory(), directory -> {
            show(directory, seed);
            directoryNotes.setAll(directory.notes());
            directoryLoaded.set(true);
            select(users, wanted, false);
        });
        select(users, wanted, true);
        // only a table's first start waits for the first conversation; a refresh re-reads the directory at once
        if (selectedUser.get() == null || directoryReadOnce) {
            loadDirectory();
        }
    }

    /**
     * Puts a directory listing in the picker, keeping the picked person (by uuid, else by Cognito user name). The
     * people with an inbox keep the seed file's order first, so with nobody remembered the first seed user opens.
     */
    private void show(DirectoryListing directory, List<ChatUser> seed) {
        listing = directory;
        Map<String, ChatUser> withInbox = new java.util.LinkedHashMap<>();
        seed.forEach(u -> withInbox.put(u.uuid(), null));
        directory.entries().forEach(e -> e.chatUser().ifPresent(u -> withInbox.put(u.uuid(), u)));
        users.setAll(withInbox.values().stream().filter(java.util.Objects::nonNull).toList());
        matchingPeople.setAll(directory.search(search.get()));
        DirectoryEntry shown = selectedPerson.get();
        if (shown != null) {
            selectedPerson.set(directory.entries().stream().filter(e -> samePerson(e, shown)).findFirst().orElse(null));
        }
    }

    private static boolean samePerson(DirectoryEntry a, DirectoryEntry b) {
        if (a.userUuid() != null || b.userUuid() != null) {
            return a.userUuid() != null && a.userUuid().equals(b.userUuid());
        }
        return a.cognitoUsername() != null && a.cognitoUsername().equals(b.cognitoUsername());
    }

    private DirectoryEntry entryOf(String uuid) {
        return listing.entries().stream().filter(e -> uuid.equals(e.userUuid())).findFirst().orElse(null);
    }

    /** Opens a person's conversations (the inbox shows them; the composer writes as them). */
    public void openConversations(ChatUser user) {
        if (user == null) {
            return;
        }
        ChatUser current = selectedUser.get();
        if (current == null || !current.uuid().equals(user.uuid())) {
            selectedUser.set(user);
        }
    }

    /**
     * Starts the directory scan queued by {@link #loadUsers()}, once: called when the first conversation is on screen
     * (or there is none to show), so on a large table the scan does not compete with the reads people wait for.
     */
    public void loadDirectory() {
        Runnable pending = pendingDirectory;
        pendingDirectory = null;
        if (pending != null) {
            directoryReadOnce = true;
            pending.run();
        }
    }

    /** Selects the wanted person, else keeps the current one (or the first); {@code reload} re-reads an unchanged person's inbox. */
    private void select(List<ChatUser> all, String wanted, boolean reload) {
        ChatUser current = selectedUser.get();
        ChatUser pick = all.stream().filter(u -> u.uuid().equals(wanted)).findFirst()
                .orElse(current != null && !reload ? current : all.isEmpty() ? null : all.get(0));
        // the directory's record of the same person may carry more (email, sub): same uuid, same inbox
        if (pick != null && current != null && pick.uuid().equals(current.uuid())) {
            if (reload) {
                reloadConversations(selectedConversation.get() == null ? null : selectedConversation.get().messageGroupUuid());
            }
        } else {
            selectedUser.set(pick);
        }
    }

    /**
     * Reads the first page of the selected person's conversations again and selects {@code selectGroup}
     * (or the newest conversation when it is null or gone).
     */
    public void reloadConversations(String selectGroup) {
        ChatUser user = selectedUser.get();
        MessagesTable t = main.table();
        nextKey = null;
        if (user == null || t == null) {
            pages.stop();
            conversations.clear();
            selectedConversation.set(null);
            hasMore.set(false);
            return;
        }
        pages.run("Loading conversations", progress -> t.inbox().page(user.uuid(), pageSize, null), page -> {
            StartupTimes.mark("inbox page");
            nextKey = page.nextKey();
            hasMore.set(page.hasMore());
            conversations.setAll(page.rows());
            MessageGroupRow pick = page.rows().stream().filter(r -> r.messageGroupUuid().equals(selectGroup)).findFirst()
                    .orElse(page.rows().isEmpty() ? null : page.rows().get(0));
            selectedConversation.set(pick);
            if (pick == null) {
                loadDirectory();
            }
        });
    }

    /** The next page of conversations, appended; called when the list is scrolled to its end. Once per page. */
    public void loadMore() {
        ChatUser user = selectedUser.get();
        MessagesTable t = main.table();
        Map<String, AttributeValue> from = nextKey;
        if (user == null || t == null || from == null) {
            return;
        }
        pages.runIfIdle("Loading more conversations", progress -> t.inbox().page(user.uuid(), pageSize, from),
                (Page<MessageGroupRow> page) -> {
                    nextKey = page.nextKey();
                    hasMore.set(page.hasMore());
                    conversations.addAll(page.rows());
                });
    }

    public ObservableList<ChatUser> users() {
        return users;
    }

    /** The directory's people whose handle, name, email, uuid, sub or Cognito user name contain the search text. */
    public ObservableList<DirectoryEntry> matchingPeople() {
        return matchingPeople;
    }

    /** The person picked in the picker: the details pane shows them. */
    public ObjectProperty<DirectoryEntry> selectedPersonProperty() {
        return selectedPerson;
    }

    /** What the directory could not read (Cognito not configured or unreachable, table unreadable). */
    public ObservableList<String> directoryNotes() {
        return directoryNotes;
    }

    /** False while only the seed users are known (the table and Cognito are still being read). */
    public BooleanProperty directoryLoadedProperty() {
        return directoryLoaded;
    }

    /** Whether a "Load more" row makes sense: the inbox has more and nothing is loading. */
    public BooleanBinding canLoadMoreProperty() {
        return canLoadMore;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<ChatUser> selectedUserProperty() {
        return selectedUser;
    }

    public ObservableList<MessageGroupRow> conversations() {
        return conversations;
    }

    public ObjectProperty<MessageGroupRow> selectedConversationProperty() {
        return selectedConversation;
    }

    public BooleanProperty hasMoreProperty() {
        return hasMore;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return pages.loadingProperty();
    }

    /** The person to select once the users are loaded (remembered from the last run). */
    public StringProperty preferredUserUuidProperty() {
        return preferredUserUuid;
    }

    /** The finding the conversation is marked with (the last check's first on it), or null: no check, or none. */
    public Finding findingOf(MessageGroupRow row) {
        return row == null ? null : health.first(row.messageGroupUuid());
    }

    /** The mark's text (tooltip and accessible text): "⚠ " and the finding's detail, or null when unmarked. */
    public String markOf(MessageGroupRow row) {
        Finding f = findingOf(row);
        if (f == null) {
            return null;
        }
        int more = health.of(row.messageGroupUuid()).size() - 1;
        return "⚠ " + f.kind().code() + ": " + f.detail() + (more > 0 ? " (and " + more + " more)" : "");
    }

    /** Asks the Health pane to open at the conversation's finding; false when it has none. */
    public boolean openInHealth(MessageGroupRow row) {
        Finding f = findingOf(row);
        if (f == null) {
            return false;
        }
        health.open(f);
        return true;
    }

    /** The last check's report: the marks change with it. */
    public ReadOnlyObjectProperty<HealthReport> healthReportProperty() {
        return health.reportProperty();
    }
}
