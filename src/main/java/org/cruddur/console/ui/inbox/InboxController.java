package org.cruddur.console.ui.inbox;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cruddur.console.service.ChatUser;
import org.cruddur.console.service.MessageGroupRow;
import org.cruddur.console.service.Timestamps;
import org.cruddur.console.ui.ListScrolling;
import org.cruddur.console.ui.conversation.MessageTimes;

/** The people picker and the selected person's conversations. */
public final class InboxController {

    private final InboxViewModel vm;
    private final MessageTimes times;
    private boolean syncing;

    @FXML private TextField userSearch;
    @FXML private ListView<ChatUser> userList;
    @FXML private ListView<MessageGroupRow> conversationList;
    @FXML private Label conversationsTitle;
    @FXML private ProgressIndicator loadingIndicator;

    public InboxController(InboxViewModel vm, MessageTimes times) {
        this.vm = vm;
        this.times = times;
    }

    @FXML
    private void initialize() {
        userSearch.textProperty().bindBidirectional(vm.searchProperty());
        userList.setItems(vm.matchingUsers());
        userList.setCellFactory(list -> new UserCell());
        userList.setPlaceholder(new Label("Nobody matches"));
        userList.getSelectionModel().selectedItemProperty().addListener((obs, was, user) -> {
            if (!syncing && user != null) {
                vm.selectedUserProperty().set(user);
            }
        });
        vm.selectedUserProperty().addListener((obs, was, user) -> selectUser(user));
        vm.matchingUsers().addListener((javafx.collections.ListChangeListener<ChatUser>) c -> selectUser(vm.selectedUserProperty().get()));
        // Enter in the search box picks the first match
        userSearch.setOnAction(e -> {
            if (!vm.matchingUsers().isEmpty()) {
                vm.selectedUserProperty().set(vm.matchingUsers().get(0));
            }
        });

        conversationList.setItems(vm.conversations());
        conversationList.setCellFactory(list -> new ConversationCell());
        conversationList.setPlaceholder(new Label("No conversations"));
        conversationList.getSelectionModel().selectedItemProperty().addListener((obs, was, group) -> {
            if (!syncing && group != null) {
                vm.selectedConversationProperty().set(group);
            }
        });
        vm.selectedConversationProperty().addListener((obs, was, group) -> selectConversation(group));
        vm.conversations().addListener((javafx.collections.ListChangeListener<MessageGroupRow>) c ->
                selectConversation(vm.selectedConversationProperty().get()));
        ListScrolling.onEdges(conversationList, null, vm::loadMore);

        conversationsTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            ChatUser u = vm.selectedUserProperty().get();
            return u == null ? "Conversations" : "Conversations of " + (u.displayName() == null ? u.uuid() : u.displayName())
                    + " (" + vm.conversations().size() + (vm.hasMoreProperty().get() ? "+" : "") + ")";
        }, vm.selectedUserProperty(), vm.conversations(), vm.hasMoreProperty()));
        loadingIndicator.visibleProperty().bind(vm.loadingProperty());
    }

    public void focusSearch() {
        userSearch.requestFocus();
        userSearch.selectAll();
    }

    private void selectUser(ChatUser user) {
        syncing = true;
        try {
            if (user == null) {
                userList.getSelectionModel().clearSelection();
            } else if (!user.equals(userList.getSelectionModel().getSelectedItem())) {
                userList.getSelectionModel().select(user);
                int i = userList.getSelectionModel().getSelectedIndex();
                if (i >= 0) {
                    userList.scrollTo(i);
                }
            }
        } finally {
            syncing = false;
        }
    }

    private void selectConversation(MessageGroupRow group) {
        syncing = true;
        try {
            if (group == null) {
                conversationList.getSelectionModel().clearSelection();
            } else if (!group.equals(conversationList.getSelectionModel().getSelectedItem())) {
                conversationList.getSelectionModel().select(group);
            }
        } finally {
            syncing = false;
        }
    }

    private static final class UserCell extends ListCell<ChatUser> {
        @Override
        protected void updateItem(ChatUser u, boolean empty) {
            super.updateItem(u, empty);
            if (empty || u == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText((u.displayName() == null ? "(no name)" : u.displayName()) + (u.handle() == null ? "" : "  @" + u.handle()));
            setTooltip(new Tooltip(u.uuid()));
        }
    }

    /** Other participant, last message preview and its time. */
    private final class ConversationCell extends ListCell<MessageGroupRow> {
        private final Label name = new Label();
        private final Label when = new Label();
        private final Label preview = new Label();
        private final VBox box;

        ConversationCell() {
            name.getStyleClass().add("conversation-name");
            when.getStyleClass().add("conversation-time");
            preview.getStyleClass().add("conversation-preview");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new VBox(2, new HBox(6, name, gap, when), preview);
            name.setMinWidth(0);
            preview.setMinWidth(0);
            when.setMinWidth(Region.USE_PREF_SIZE);
            setPrefWidth(0); // let the list's width, not the preview's length, decide
        }

        @Override
        protected void updateItem(MessageGroupRow g, boolean empty) {
            super.updateItem(g, empty);
            if (empty || g == null) {
                setGraphic(null);
                return;
            }
            name.setText((g.otherUserDisplayName() == null ? g.otherUserUuid() : g.otherUserDisplayName())
                    + (g.otherUserHandle() == null ? "" : "  @" + g.otherUserHandle()));
            when.setText(Timestamps.tryParse(g.lastMessageAt()).map(times::relative).orElse(g.lastMessageAt()));
            preview.setText(g.lastMessage() == null ? "" : g.lastMessage().replace('\n', ' '));
            setGraphic(box);
        }
    }
}
