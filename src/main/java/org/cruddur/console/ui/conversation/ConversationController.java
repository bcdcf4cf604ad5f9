package org.cruddur.console.ui.conversation;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.MaskerPane;
import org.cruddur.console.service.items.PersonName;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.ui.keys.Shortcut;
import org.cruddur.console.ui.view.FirstPageMask;
import org.cruddur.console.ui.view.ListScrolling;

/** The thread as chat bubbles in a virtualized list; older pages load when scrolled to the top. */
public final class ConversationController {

    private final ConversationViewModel vm;
    private final MessageTimes times;
    private boolean syncing;
    private ContextMenu bubbleMenu;

    @FXML private Label conversationTitle;
    @FXML private Label subtitleLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Button olderButton;
    @FXML private Button newestButton;
    @FXML private ListView<ThreadEntry> messageList;
    @FXML private MaskerPane threadMasker;
    private final ObservableBooleanValue connecting;

    public ConversationController(ConversationViewModel vm, MessageTimes times) {
        this(vm, times, new SimpleBooleanProperty(false));
    }

    /** @param connecting true while the console connects: the thread is masked meanwhile */
    public ConversationController(ConversationViewModel vm, MessageTimes times, ObservableBooleanValue connecting) {
        this.vm = vm;
        this.times = times;
        this.connecting = connecting;
    }

    /**
     * The menu of the selected bubble, supplied by another feature (moderation): shown on right-click, and on the
     * context-menu key or Shift+F10 at the selected bubble.
     */
    public ConversationController withBubbleMenu(ContextMenu menu) {
        this.bubbleMenu = menu;
        return this;
    }

    @FXML
    private void initialize() {
        messageList.setItems(vm.entries());
        messageList.setCellFactory(list -> new BubbleCell());
        messageList.setPlaceholder(new Label("Pick a conversation on the left"));
        messageList.setAccessibleText("Messages of the open conversation");
        messageList.setAccessibleHelp("Arrow keys move between messages; " + Shortcut.ROW_MENU.keyText() + " opens the message's menu");
        olderButton.setAccessibleHelp("Reads the page of messages before the first one shown");
        // tabbing into the thread lands on a message (the selected one, else the newest), not on nothing
        messageList.focusedProperty().addListener((obs, was, focused) -> {
            if (focused && !vm.entries().isEmpty()) {
                int i = messageList.getSelectionModel().getSelectedIndex();
                if (i < 0) {
                    messageList.getSelectionModel().select(vm.entries().size() - 1); // the arrow keys go on from here
                } else if (messageList.getFocusModel().getFocusedIndex() < 0) {
                    messageList.getFocusModel().focus(i);
                }
            }
        });
        conversationTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            MessageGroupRow g = vm.conversationProperty().get();
            return g == null ? "No conversation open" : "With " + PersonName.otherOf(g);
        }, vm.conversationProperty()));
        subtitleLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            MessageGroupRow g = vm.conversationProperty().get();
            return g == null ? "" : vm.entries().size() + " messages shown"
                    + (vm.hasOlderProperty().get() ? ", older ones on scroll" : "")
                    + (vm.hasNewerProperty().get() ? ", newer ones on scroll down" : "");
        }, vm.conversationProperty(), vm.entries(), vm.hasOlderProperty(), vm.hasNewerProperty()));
        subtitleLabel.tooltipProperty().bind(Bindings.createObjectBinding(() -> vm.conversationProperty().get() == null ? null
                : new Tooltip("message_group_uuid " + vm.conversationProperty().get().messageGroupUuid()), vm.conversationProperty()));
        // connecting and a conversation's first page mask the thread; older pages only turn the small indicator
        FirstPageMask.bind(threadMasker, loadingIndicator, connecting, vm.loadingProperty(), vm.entries(), "Loading messages…");
        olderButton.disableProperty().bind(vm.hasOlderProperty().not().or(vm.loadingProperty()));
        newestButton.visibleProperty().bind(vm.newerDroppedProperty());
        newestButton.managedProperty().bind(newestButton.visibleProperty());

        if (bubbleMenu != null) {
            messageList.setOnContextMenuRequested(e -> {
                showBubbleMenu(e.isKeyboardTrigger(), e.getScreenX(), e.getScreenY());
                e.consume();
            });
            // glass on Linux sends no context-menu request for these keys: open the menu at the selected bubble here
            messageList.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (Shortcut.ROW_MENU.matches(e)) {
                    showBubbleMenu(true, 0, 0);
                    e.consume();
                }
            });
        }
        ListScrolling.onEdges(messageList, vm::loadOlder, vm::loadNewer);
        vm.entries().addListener((ListChangeListener<ThreadEntry>) change -> {
            while (change.next()) {
                // older messages went on top: keep the message that was first in view where it was
                if (change.wasAdded() && !change.wasRemoved() && change.getFrom() == 0 && change.getTo() < vm.entries().size()) {
                    int added = change.getAddedSize();
                    Platform.runLater(() -> messageList.scrollTo(added));
                }
            }
        });
        vm.newestShownProperty().addListener((obs, was, now) -> Platform.runLater(() -> {
            if (!vm.entries().isEmpty()) {
                messageList.scrollTo(vm.entries().size() - 1);
            }
        }));

        messageList.getSelectionModel().selectedIndexProperty().addListener((obs, was, index) -> {
            if (!syncing) {
                vm.selectedIndexProperty().set(index.intValue());
            }
        });
        vm.selectedIndexProperty().addListener((obs, was, index) -> {
            int i = index.intValue();
            if (messageList.getSelectionModel().getSelectedIndex() == i) {
                return;
            }
            syncing = true;
            try {
                if (i < 0) {
                    messageList.getSelectionModel().clearSelection();
                } else {
                    messageList.getSelectionModel().select(i);
                    messageList.scrollTo(Math.max(0, i - 2));
                    // and again after the scroll a page change queued (a jump to a find result replaces the page)
                    Platform.runLater(() -> {
                        if (messageList.getSelectionModel().getSelectedIndex() == i) {
                            messageList.scrollTo(Math.max(0, i - 1));
                        }
                    });
                }
            } finally {
                syncing = false;
            }
        });
    }

    /** Opens the bubble menu for the selected bubble: at the pointer, or (from the keyboard) over the bubble. */
    private void showBubbleMenu(boolean atBubble, double screenX, double screenY) {
        int i = messageList.getSelectionModel().getSelectedIndex();
        if (i < 0) {
            return;
        }
        Node cell = messageList.lookupAll(".bubble-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && c.getIndex() == i && c.isVisible()).findFirst().orElse(null);
        if (atBubble && cell != null) {
            Bounds b = cell.localToScreen(cell.getBoundsInLocal());
            bubbleMenu.show(cell, b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        } else if (atBubble) {
            Bounds b = messageList.localToScreen(messageList.getBoundsInLocal());
            bubbleMenu.show(messageList, b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        } else {
            bubbleMenu.show(messageList, screenX, screenY);
        }
    }

    @FXML
    private void loadOlder() {
        vm.loadOlder();
    }

    @FXML
    private void jumpToNewest() {
        vm.reloadNewest();
    }

    /** One message: an optional day separator, then a bubble on the viewer's side (right) or the other's (left). */
    private final class BubbleCell extends ListCell<ThreadEntry> {
        private final Label day = new Label();
        private final Label sender = new Label();
        private final Label text = new Label();
        private final Label time = new Label();
        /** A message the service keeps despite a bad timestamp or missing attributes: marked, what is wrong in the tooltip. */
        private final Label mark = new Label("⚠");
        private final VBox bubble = new VBox(2, new HBox(4, mark, sender), text, time);
        private final HBox row = new HBox(bubble);
        private final VBox box = new VBox(4, day, row);
        private final Tooltip tooltip = new Tooltip();

        BubbleCell() {
            getStyleClass().add("bubble-cell");
            day.getStyleClass().add("day-separator");
            day.setMaxWidth(Double.MAX_VALUE);
            day.setAlignment(Pos.CENTER);
            sender.getStyleClass().add("bubble-sender");
            mark.getStyleClass().add("damage-mark");
            text.getStyleClass().add("bubble-text");
            text.setWrapText(true);
            time.getStyleClass().add("bubble-time");
            bubble.getStyleClass().add("bubble");
            bubble.setFillWidth(true);
            bubble.maxWidthProperty().bind(messageList.widthProperty().multiply(0.7));
            text.maxWidthProperty().bind(messageList.widthProperty().multiply(0.7).subtract(24));
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(ThreadEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            boolean mine = vm.isMine(entry);
            boolean newDay = vm.startsDay(getIndex(), times);
            day.setText(newDay ? times.dayHeading(entry.at()) : "");
            day.setVisible(newDay);
            day.setManaged(newDay);
            sender.setText(PersonName.senderOf(entry.message()));
            text.setText(entry.message().message());
            time.setText(entry.timeKnown() ? times.clockTime(entry.at()) : entry.message().createdAt());
            boolean damaged = entry.damaged();
            mark.setVisible(damaged);
            mark.setManaged(damaged);
            bubble.getStyleClass().remove("bubble-damaged");
            if (damaged) {
                bubble.getStyleClass().add("bubble-damaged");
            }
            bubble.getStyleClass().removeAll("bubble-mine", "bubble-theirs");
            bubble.getStyleClass().add(mine ? "bubble-mine" : "bubble-theirs");
            row.setAlignment(mine ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            String wrong = damaged ? "⚠ " + String.join("\n⚠ ", entry.damage()) + "\n" : "";
            tooltip.setText(wrong + (entry.timeKnown() ? times.full(entry.at()) + "\n" : "") + "sk " + entry.message().createdAt());
            setTooltip(tooltip);
            setAccessibleText(SpokenMessage.of(entry, times));
            setGraphic(box);
        }
    }
}
