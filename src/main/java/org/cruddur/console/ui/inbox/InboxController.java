package org.cruddur.console.ui.inbox;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import org.controlsfx.control.MaskerPane;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import org.cruddur.console.service.items.PersonName;
import org.cruddur.console.service.items.ChatUser;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.service.items.Timestamps;
import org.cruddur.console.service.users.DirectoryEntry;
import org.cruddur.console.service.users.DirectorySource;
import org.cruddur.console.ui.keys.Shortcut;
import org.cruddur.console.ui.view.ListMenus;
import org.cruddur.console.ui.view.FirstPageMask;
import org.cruddur.console.ui.view.ListScrolling;
import org.cruddur.console.ui.conversation.MessageTimes;

/**
 * The people picker (the whole user directory) and the open person's conversations. A click picks a person (the
 * details pane shows them); a double click or Enter opens their conversations.
 */
public final class InboxController {

    private final InboxViewModel vm;
    private final MessageTimes times;
    private final Runnable showDetails;
    private boolean syncing;

    @FXML private TextField userSearch;
    @FXML private ListView<DirectoryEntry> userList;
    @FXML private Button loadMoreButton;
    @FXML private ListView<MessageGroupRow> conversationList;
    @FXML private Label conversationsTitle;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private MaskerPane conversationsMasker;
    private final ObservableBooleanValue connecting;

    /** @param showDetails brings the details pane forward when someone is picked with the mouse or keyboard */
    public InboxController(InboxViewModel vm, MessageTimes times, Runnable showDetails) {
        this(vm, times, showDetails, new SimpleBooleanProperty(false));
    }

    /** @param connecting true while the console connects: the conversation list is masked meanwhile */
    public InboxController(InboxViewModel vm, MessageTimes times, Runnable showDetails, ObservableBooleanValue connecting) {
        this.vm = vm;
        this.times = times;
        this.showDetails = showDetails;
        this.connecting = connecting;
    }

    @FXML
    private void initialize() {
        userSearch.textProperty().bindBidirectional(vm.searchProperty());
        userList.setItems(vm.matchingPeople());
        userList.setCellFactory(list -> new PersonCell());
        userList.setPlaceholder(new Label("Nobody matches"));
        userList.getSelectionModel().selectedItemProperty().addListener((obs, was, person) -> {
            if (!syncing && person != null) {
                vm.selectedPersonProperty().set(person);
                showDetails.run();
            }
        });
        userList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openConversationsOf(userList.getSelectionModel().getSelectedItem());
            }
        });
        userList.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                openConversationsOf(userList.getSelectionModel().getSelectedItem());
            }
        });
        vm.selectedPersonProperty().addListener((obs, was, person) -> selectPerson(person));
        vm.selectedUserProperty().addListener((obs, was, user) -> userList.refresh()); // marks whose conversations are open
        vm.matchingPeople().addListener((javafx.collections.ListChangeListener<DirectoryEntry>) c -> selectPerson(vm.selectedPersonProperty().get()));
        // Enter in the search box opens the first match's conversations (or shows a Cognito-only person's details)
        userSearch.setOnAction(e -> {
            if (!vm.matchingPeople().isEmpty()) {
                DirectoryEntry first = vm.matchingPeople().get(0);
                vm.selectedPersonProperty().set(first);
                if (first.chatUser().isPresent()) {
                    vm.openConversations(first.chatUser().get());
                } else {
                    showDetails.run();
                }
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
        conversationList.setAccessibleText("Conversations of the open person");
        // the ⚠ is clicked with the mouse; from the keyboard the row's menu (Open in Health) opens with the menu keys
        conversationList.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (Shortcut.ROW_MENU.matches(e) && ListMenus.showAtSelectedCell(conversationList)) {
                e.consume();
            }
        });
        userList.setAccessibleText("People");
        userList.setAccessibleHelp("Enter opens the person's conversations");
        org.cruddur.console.ui.view.FieldNames.name(userSearch, "Search people");
        vm.healthReportProperty().addListener((obs, was, report) -> conversationList.refresh()); // the ⚠ marks

        conversationsTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            ChatUser u = vm.selectedUserProperty().get();
            return u == null ? "Conversations" : "Conversations of " + PersonName.name(u.uuid(), u.displayName())
                    + " (" + vm.conversations().size() + (vm.hasMoreProperty().get() ? "+" : "") + ")";
        }, vm.selectedUserProperty(), vm.conversations(), vm.hasMoreProperty()));
        // connecting and the first page mask the list; later pages only turn the small indicator
        FirstPageMask.bind(conversationsMasker, loadingIndicator, connecting, vm.loadingProperty(), vm.conversations(),
                "Loading conversations…");
        // scrolling to the end reads more, but a first page that fits the list cannot scroll: this row can always be clicked
        loadMoreButton.visibleProperty().bind(vm.hasMoreProperty());
        loadMoreButton.managedProperty().bind(loadMoreButton.visibleProperty());
        loadMoreButton.disableProperty().bind(vm.canLoadMoreProperty().not());
        loadMoreButton.setOnAction(e -> vm.loadMore());
    }

    public void focusSearch() {
        userSearch.requestFocus();
        userSearch.selectAll();
    }

    private void openConversationsOf(DirectoryEntry person) {
        if (person != null) {
            person.chatUser().ifPresent(vm::openConversations);
        }
    }

    private void selectPerson(DirectoryEntry person) {
        syncing = true;
        try {
            if (person == null) {
                userList.getSelectionModel().clearSelection();
            } else if (!person.equals(userList.getSelectionModel().getSelectedItem())) {
                userList.getSelectionModel().select(person);
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

    /** Name and handle; Cognito-only people and people with problems are marked, so they stand out in the list. */
    private final class PersonCell extends ListCell<DirectoryEntry> {
        @Override
        protected void updateItem(DirectoryEntry e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().removeAll("person-cognito-only", "person-open");
            if (empty || e == null) {
                setText(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            String name = e.displayName() != null ? e.displayName() : e.cognitoUsername() != null ? e.cognitoUsername() : "(no name)";
            String marks = (e.userUuid() == null ? "  · Cognito only" : "")
                    + (e.problems().isEmpty() ? "" : "  ⚠" + e.problems().size());
            setText(name + (e.handle() == null ? "" : "  @" + e.handle()) + marks);
            setAccessibleText(name + (e.handle() == null ? "" : ", @" + e.handle()) + (e.userUuid() == null ? ", Cognito only, no conversations" : "")
                    + (e.problems().isEmpty() ? "" : ", " + e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems")));
            if (e.userUuid() == null) {
                getStyleClass().add("person-cognito-only");
            }
            ChatUser open = vm.selectedUserProperty().get();
            if (open != null && open.uuid().equals(e.userUuid())) {
                getStyleClass().add("person-open");
            }
            setTooltip(new Tooltip((e.userUuid() != null ? e.userUuid() : "sub " + e.cognitoSub())
                    + "\nsources: " + String.join(", ", e.sourceList().stream().map(DirectorySource::id).toList())
                    + "\nDouble-click or Enter opens their conversations"));
        }
    }

    /** Other participant, last message preview and its time. */
    private final class ConversationCell extends ListCell<MessageGroupRow> {
        private final Label name = new Label();
        private final Label when = new Label();
        private final Label preview = new Label();
        private final Label mark = new Label("⚠");
        private final MenuItem openInHealth = new MenuItem("Open in Health");
        private final ContextMenu menu = new ContextMenu(openInHealth);
        private final VBox box;

        ConversationCell() {
            name.getStyleClass().add("conversation-name");
            when.getStyleClass().add("conversation-time");
            preview.getStyleClass().add("conversation-preview");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            mark.getStyleClass().add("health-mark");
            mark.setMinWidth(Region.USE_PREF_SIZE);
            mark.setOnMouseClicked(e -> vm.openInHealth(getItem()));
            openInHealth.setOnAction(e -> vm.openInHealth(getItem()));
            box = new VBox(2, new HBox(6, mark, name, gap, when), preview);
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
                setTooltip(null);
                setContextMenu(null);
                setAccessibleText(null);
                return;
            }
            name.setText(PersonName.otherOf(g));
            when.setText(Timestamps.tryParse(g.lastMessageAt()).map(times::relative).orElse(g.lastMessageAt()));
            preview.setText(g.lastMessage() == null ? "" : g.lastMessage().replace('\n', ' '));
            String marked = vm.markOf(g);
            mark.setVisible(marked != null);
            mark.setManaged(marked != null);
            // the whole name and message, which a narrow column (or large text) cuts short
            String whole = PersonName.otherOf(g) + "\n" + (g.lastMessage() == null ? "" : g.lastMessage());
            setTooltip(new Tooltip(marked == null ? whole : whole + "\n\n" + marked + "\nClick the ⚠ or right-click › Open in Health"));
            setContextMenu(marked == null ? null : menu);
            setAccessibleText(SpokenConversation.of(g, times, marked));
            setAccessibleHelp(marked == null ? null : Shortcut.ROW_MENU.keyText() + ": Open in Health");
            setGraphic(box);
        }
    }
}
