package org.cruddur.console.ui.inbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.cruddur.console.service.ChatUser;
import org.cruddur.console.service.MessageGroupRow;
import org.cruddur.console.service.MessagesTable;
import org.cruddur.console.service.Page;
import org.cruddur.console.ui.main.MainViewModel;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The left pane: everyone the user directory knows (searchable by handle, display name or uuid) and the selected
 * person's conversations (pattern B), newest first, a page at a time.
 */
public final class InboxViewModel {

    public static final int PAGE_SIZE = 30;

    private final MainViewModel main;
    private final ObservableList<ChatUser> users = FXCollections.observableArrayList();
    private final FilteredList<ChatUser> matchingUsers = new FilteredList<>(users, u -> true);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<ChatUser> selectedUser = new SimpleObjectProperty<>(this, "selectedUser");
    private final ObservableList<MessageGroupRow> conversations = FXCollections.observableArrayList();
    private final ObjectProperty<MessageGroupRow> selectedConversation = new SimpleObjectProperty<>(this, "selectedConversation");
    private final BooleanProperty hasMore = new SimpleBooleanProperty(this, "hasMore");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final StringProperty preferredUserUuid = new SimpleStringProperty(this, "preferredUserUuid");
    private final int pageSize;
    private Map<String, AttributeValue> nextKey;
    private int generation;
    private int usersGeneration;
    private Runnable pendingDirectory;

    public InboxViewModel(MainViewModel main) {
        this(main, PAGE_SIZE);
    }

    public InboxViewModel(MainViewModel main, int pageSize) {
        this.main = main;
        this.pageSize = pageSize;
        search.addListener((obs, was, text) -> matchingUsers.setPredicate(u -> matches(u, text)));
        selectedUser.addListener((obs, was, user) -> {
            if (user != null) {
                preferredUserUuid.set(user.uuid());
            }
            reloadConversations(null);
        });
        main.dataVersionProperty().addListener((obs, was, now) -> loadUsers());
        main.tableProperty().addListener((obs, was, now) -> {
            if (now == null) {
                generation++;
                conversations.clear();
                selectedConversation.set(null);
                hasMore.set(false);
            }
        });
    }

    /** Whether a person matches the search text: a part of the handle, display name or uuid, ignoring case. */
    public static boolean matches(ChatUser user, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String needle = text.trim().toLowerCase(Locale.ROOT);
        if (needle.startsWith("@")) {
            needle = needle.substring(1);
        }
        return contains(user.handle(), needle) || contains(user.displayName(), needle) || contains(user.uuid(), needle);
    }

    private static boolean contains(String hay, String needle) {
        return hay != null && hay.toLowerCase(Locale.ROOT).contains(needle);
    }

    /**
     * Reads the people again, keeping the selected (or remembered) person selected. The seed users show at once, so
     * the inbox need not wait for the directory, which scans the whole table for the people group rows name
     * (seconds on a large table); the full list replaces them when that scan is done.
     */
    public void loadUsers() {
        MessagesTable t = main.table();
        if (t == null) {
            return;
        }
        int mine = ++usersGeneration;
        List<ChatUser> seed = t.users().seedUsers();
        if (users.isEmpty() || !users.containsAll(seed)) {
            users.setAll(seed);
        }
        String wanted = selectedUser.get() != null ? selectedUser.get().uuid() : preferredUserUuid.get();
        pendingDirectory = () -> main.work().submit("Loading people", progress -> t.users().all(), all -> {
            if (mine == usersGeneration && t == main.table()) {
                users.setAll(all);
                select(all, wanted, false);
            }
        }, main::report);
        select(users, wanted, true);
        if (selectedUser.get() == null) {
            loadDirectory();
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
            pending.run();
        }
    }

    /** Selects the wanted person, else keeps the current one (or the first); {@code reload} re-reads an unchanged person's inbox. */
    private void select(List<ChatUser> all, String wanted, boolean reload) {
        ChatUser current = selectedUser.get();
        ChatUser pick = all.stream().filter(u -> u.uuid().equals(wanted)).findFirst()
                .orElse(current != null && !reload ? current : all.isEmpty() ? null : all.get(0));
        if (pick != null && pick.equals(current)) {
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
        int mine = ++generation;
        nextKey = null;
        if (user == null || t == null) {
            conversations.clear();
            selectedConversation.set(null);
            hasMore.set(false);
            return;
        }
        loading.set(true);
        main.work().submit("Loading conversations", progress -> t.inbox().page(user.uuid(), pageSize, null), page -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            nextKey = page.nextKey();
            hasMore.set(page.hasMore());
            conversations.setAll(page.rows());
            MessageGroupRow pick = page.rows().stream().filter(r -> r.messageGroupUuid().equals(selectGroup)).findFirst()
                    .orElse(page.rows().isEmpty() ? null : page.rows().get(0));
            selectedConversation.set(pick);
            if (pick == null) {
                loadDirectory();
            }
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                main.report(failure);
                loadDirectory();
            }
        });
    }

    /** The next page of conversations, appended; called when the list is scrolled to its end. */
    public void loadMore() {
        ChatUser user = selectedUser.get();
        MessagesTable t = main.table();
        if (user == null || t == null || nextKey == null || loading.get()) {
            return;
        }
        int mine = generation;
        Map<String, AttributeValue> from = nextKey;
        loading.set(true);
        main.work().submit("Loading more conversations", progress -> t.inbox().page(user.uuid(), pageSize, from),
                (Page<MessageGroupRow> page) -> {
                    if (mine != generation) {
                        return;
                    }
                    loading.set(false);
                    nextKey = page.nextKey();
                    hasMore.set(page.hasMore());
                    conversations.addAll(page.rows());
                }, failure -> {
                    if (mine == generation) {
                        loading.set(false);
                        main.report(failure);
                    }
                });
    }

    public ObservableList<ChatUser> users() {
        return users;
    }

    public FilteredList<ChatUser> matchingUsers() {
        return matchingUsers;
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

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** The person to select once the users are loaded (remembered from the last run). */
    public StringProperty preferredUserUuidProperty() {
        return preferredUserUuid;
    }
}
