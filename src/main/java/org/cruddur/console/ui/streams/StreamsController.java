package org.cruddur.console.ui.streams;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.cruddur.console.service.items.TableItems;
import org.cruddur.console.service.json.SdkJson;
import org.cruddur.console.service.streams.LambdaState;
import org.cruddur.console.service.streams.LambdaVerdict;
import org.cruddur.console.service.streams.RecordKind;
import org.cruddur.console.service.streams.StreamEvent;
import org.cruddur.console.service.streams.StreamStart;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The Streams pane: the live tail, its controls, and the selected record's images and Lambda verdict side by side. */
public final class StreamsController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final StreamsViewModel vm;

    @FXML private Button pauseButton;
    @FXML private ChoiceBox<StreamStart> fromChoice;
    @FXML private TextField filterField;
    @FXML private Button openButton;
    @FXML private Label statusLabel;
    @FXML private Button enableButton;
    @FXML private TableView<StreamEvent> recordTable;
    @FXML private TableColumn<StreamEvent, String> timeColumn;
    @FXML private TableColumn<StreamEvent, String> eventColumn;
    @FXML private TableColumn<StreamEvent, String> kindColumn;
    @FXML private TableColumn<StreamEvent, StreamEvent> keyColumn;
    @FXML private TableColumn<StreamEvent, String> userColumn;
    @FXML private TableColumn<StreamEvent, String> textColumn;
    @FXML private TableColumn<StreamEvent, LambdaVerdict> lambdaColumn;
    @FXML private TableColumn<StreamEvent, String> postColumn;
    @FXML private TextArea oldImageArea;
    @FXML private TextArea newImageArea;
    @FXML private TextArea lambdaArea;

    public StreamsController(StreamsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        pauseButton.textProperty().bind(javafx.beans.binding.Bindings.when(vm.pausedProperty()).then("Resume").otherwise("Pause"));
        fromChoice.getItems().setAll(StreamStart.values());
        fromChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(StreamStart s) {
                return s == null ? "" : s == StreamStart.LATEST ? "new records (latest)" : "oldest held (trim horizon)";
            }

            @Override
            public StreamStart fromString(String text) {
                return null;
            }
        });
        fromChoice.valueProperty().bindBidirectional(vm.fromProperty());
        filterField.textProperty().bindBidirectional(vm.filterProperty());
        statusLabel.textProperty().bind(vm.statusProperty());
        enableButton.visibleProperty().bind(vm.noStreamProperty());
        enableButton.managedProperty().bind(enableButton.visibleProperty());
        enableButton.disableProperty().bind(vm.canEnableProperty().not());
        openButton.disableProperty().bind(vm.selectedProperty().isNull());

        recordTable.setItems(vm.shown());
        recordTable.setAccessibleText("Stream records");
        org.cruddur.console.ui.view.TextSize.followWidths(recordTable);
        org.cruddur.console.ui.view.TextSize.followMinWidth(timeColumn, 62);
        org.cruddur.console.ui.view.TextSize.followMinWidth(eventColumn, 62);
        // the verdict and the kind keep their words; the long key gives way
        org.cruddur.console.ui.view.TextSize.followMinWidth(kindColumn, 80);
        org.cruddur.console.ui.view.TextSize.followMinWidth(lambdaColumn, 118);
        org.cruddur.console.ui.view.TextSize.followMinWidth(userColumn, 64);
        recordTable.setAccessibleHelp("Enter opens the selected record's conversation");
        // what a double click does, from the keyboard
        recordTable.setOnKeyPressed(k -> {
            if (k.getCode() == javafx.scene.input.KeyCode.ENTER && vm.selectedProperty().get() != null) {
                vm.openSelectedConversation();
                k.consume();
            }
        });
        org.cruddur.console.ui.view.FieldNames.name(filterField, "Filter records");
        fromChoice.setAccessibleText("Read from");
        // a live tail shows the newest records as they come, until a record is selected to be read
        vm.shown().addListener((javafx.collections.ListChangeListener<StreamEvent>) change -> {
            if (recordTable.getSelectionModel().isEmpty() && !vm.shown().isEmpty()) {
                recordTable.scrollTo(vm.shown().size() - 1);
            }
        });
        recordTable.getSelectionModel().selectedItemProperty().addListener((obs, was, e) -> vm.selectedProperty().set(e));
        vm.selectedProperty().addListener((obs, was, e) -> show(e));
        vm.verdictNowProperty().addListener((obs, was, now) -> show(vm.selectedProperty().get()));
        recordTable.setRowFactory(t -> {
            TableRow<StreamEvent> row = new TableRow<>() {
                @Override
                protected void updateItem(StreamEvent e, boolean empty) {
                    super.updateItem(e, empty);
                    setAccessibleText(empty || e == null ? null : SpokenRecord.of(e));
                }
            };
            row.setOnMouseClicked(click -> {
                if (click.getClickCount() == 2 && !row.isEmpty()) {
                    vm.openSelectedConversation();
                }
            });
            return row;
        });
        timeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().approximateCreationTime() == null ? "—"
                : TIME.format(c.getValue().approximateCreationTime())));
        eventColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().eventName()));
        kindColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kind().code()));
        keyColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        keyColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(StreamEvent e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().remove("group-row-key");
                if (empty || e == null) {
                    setText(null);
                    return;
                }
                // a post's group-row writes are shown under its message
                String key = e.pk() + " / " + e.sk();
                if (e.kind() == RecordKind.GROUP_ROW) {
                    key = "  ↳ " + key + (e.movedFrom() != null ? "  (from " + e.movedFrom() + ")" : "");
                    getStyleClass().add("group-row-key");
                }
                setText(key);
            }
        });
        userColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(user(c.getValue())));
        textColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        lambdaColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lambda()));
        lambdaColumn.setCellFactory(col -> new LambdaCell());
        postColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(post(c.getValue())));
    }

    /** The verdict in words and, repeated, in the theme's colour for it. */
    private static final class LambdaCell extends TableCell<StreamEvent, LambdaVerdict> {
        private final Label badge = new Label();

        LambdaCell() {
            badge.getStyleClass().add("lambda-badge");
        }

        @Override
        protected void updateItem(LambdaVerdict v, boolean empty) {
            super.updateItem(v, empty);
            badge.getStyleClass().removeAll("lambda-at", "lambda-behind", "lambda-ahead");
            if (empty || v == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            badge.setText(shortLabel(v.state()));
            badge.getStyleClass().add(switch (v.state()) {
                case ROWS_AT_MESSAGE -> "lambda-at";
                case ROWS_BEHIND -> "lambda-behind";
                case ROWS_AHEAD -> "lambda-ahead";
            });
            badge.setAccessibleText(v.state().label());
            setGraphic(badge);
            setTooltip(new Tooltip(v.summary()));
        }
    }

    static String shortLabel(LambdaState s) {
        return switch (s) {
            case ROWS_AT_MESSAGE -> "✓ rows at message";
            case ROWS_BEHIND -> "✗ rows behind";
            case ROWS_AHEAD -> "↑ rows ahead";
        };
    }

    private static String user(StreamEvent e) {
        String handle = e.kind() == RecordKind.MESSAGE ? TableItems.text(e.newImage(), TableItems.USER_HANDLE) : null;
        if (handle != null && !handle.isBlank()) {
            return "@" + handle;
        }
        return e.userUuid() == null ? "" : shortId(e.userUuid());
    }

    /** The post a record belongs to: its conversation, short, and the message's time of day as stored (UTC). */
    private static String post(StreamEvent e) {
        if (e.post() == null) {
            return "";
        }
        int at = e.post().indexOf('@');
        String sk = e.post().substring(at + 1);
        String time = sk.length() >= 19 && sk.charAt(10) == 'T' ? sk.substring(11, Math.min(sk.length(), 23)) : sk;
        return e.post().substring(0, Math.min(8, at)) + " · " + time;
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) + "…" : id;
    }

    private void show(StreamEvent e) {
        if (e == null) {
            oldImageArea.clear();
            newImageArea.clear();
            lambdaArea.clear();
            return;
        }
        oldImageArea.setText(image(e.oldImage(), e.isInsert() ? "(none: the item is new)"
                : "(not in this stream: a NEW_IMAGE stream carries only the keys and the new image)"));
        newImageArea.setText(image(e.newImage(), e.isRemove() ? "(none: the item was removed; keys "
                + e.pk() + " / " + e.sk() + ")" : "(none)"));
        lambdaArea.setText(lambdaText(e, vm.verdictNowProperty().get()));
        lambdaArea.positionCaret(0);
    }

    private static String image(Map<String, AttributeValue> image, String none) {
        return image == null || image.isEmpty() ? none : SdkJson.pretty(SdkJson.dynamoJson(image));
    }

    static String lambdaText(StreamEvent e, LambdaVerdict now) {
        StringBuilder b = new StringBuilder();
        if (now != null && e.lambda() != null) {
            b.append(now.state() == e.lambda().state() ? "Now, as when read: " : "Now: ").append(shortLabel(now.state()))
                    .append(now.state() == e.lambda().state() ? "" : " (when read: " + shortLabel(e.lambda().state()) + ")").append("\n\n");
        }
        b.append(e.eventName()).append(' ').append(e.kind().code()).append("  ").append(e.pk()).append(" / ").append(e.sk()).append('\n');
        if (e.conversation() != null) {
            b.append("conversation ").append(e.conversation()).append('\n');
        }
        if (e.lambda() != null) {
            b.append('\n').append("When read: ").append(e.lambda().summary()).append("\n\nThe Lambda's writes for this message (GSI query, then per row):\n");
            e.lambda().writes().forEach(w -> b.append("  ").append(w).append('\n'));
            if (e.lambda().writes().isEmpty()) {
                b.append("  none: the GSI finds no group rows for the conversation\n");
            }
        } else if (e.kind() == RecordKind.GROUP_ROW) {
            b.append('\n').append(e.post() == null ? "A group-row write not paired with a post in this read."
                    : "Part of the post at " + e.post().substring(e.post().indexOf('@') + 1)
                    + (e.movedFrom() != null ? ": the row moved from " + e.movedFrom() : "")).append('\n');
        } else {
            b.append("\nOnly message INSERTs make the stream Lambda write.\n");
        }
        return b.toString();
    }

    @FXML
    private void togglePause() {
        vm.togglePause();
    }

    @FXML
    private void restart() {
        vm.restart();
    }

    @FXML
    private void openConversation() {
        vm.openSelectedConversation();
    }

    @FXML
    private void enableStream() {
        vm.enableStream();
    }
}
