package org.cruddur.console.ui.find;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import org.cruddur.console.service.items.PersonName;
import org.cruddur.console.service.transcripts.TimelineMessage;
import org.cruddur.console.ui.conversation.MessageTimes;

/** The find bar above the thread: text field, next / previous, the match rule, the results, and "Go to date…". */
public final class FindController {

    private final FindViewModel vm;
    private final MessageTimes times;
    private boolean syncing;

    @FXML private TextField queryField;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Label statusLabel;
    @FXML private Label ruleLabel;
    @FXML private ProgressIndicator findingIndicator;
    @FXML private ListView<TimelineMessage> resultsList;

    public FindController(FindViewModel vm, MessageTimes times) {
        this.vm = vm;
        this.times = times;
    }

    @FXML
    private void initialize() {
        queryField.textProperty().bindBidirectional(vm.queryProperty());
        queryField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    vm.previous();
                } else {
                    vm.findOrNext();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                queryField.clear();
                vm.clear();
                e.consume();
            }
        });
        statusLabel.textProperty().bind(vm.statusProperty());
        ruleLabel.setText(vm.matchRule());
        findingIndicator.visibleProperty().bind(vm.loadingProperty());
        findingIndicator.managedProperty().bind(vm.loadingProperty());
        previousButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.results()));
        nextButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.results()));
        resultsList.setItems(vm.results());
        resultsList.setPlaceholder(new Label("No results yet: type and press Enter"));
        resultsList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TimelineMessage m, boolean empty) {
                super.updateItem(m, empty);
                if (empty || m == null) {
                    setText(null);
                    return;
                }
                String when = m.at() == Instant.MIN ? m.row().createdAt() : times.full(m.at());
                setText(when + " · " + PersonName.senderOf(m.row()) + ": " + oneLine(m.row().message()));
            }
        });
        javafx.beans.binding.BooleanBinding visible = javafx.beans.binding.Bindings.isNotEmpty(vm.results())
                .or(vm.statusProperty().isNotEmpty());
        resultsList.visibleProperty().bind(visible);
        resultsList.managedProperty().bind(visible);
        ruleLabel.visibleProperty().bind(visible.or(queryField.focusedProperty()));
        ruleLabel.managedProperty().bind(ruleLabel.visibleProperty());
        resultsList.getSelectionModel().selectedIndexProperty().addListener((obs, was, index) -> {
            if (!syncing && index.intValue() >= 0 && index.intValue() != vm.currentProperty().get()) {
                vm.open(index.intValue());
            }
        });
        vm.currentProperty().addListener((obs, was, index) -> {
            syncing = true;
            try {
                if (index.intValue() < 0) {
                    resultsList.getSelectionModel().clearSelection();
                } else {
                    resultsList.getSelectionModel().select(index.intValue());
                    resultsList.scrollTo(Math.max(0, index.intValue() - 1));
                }
            } finally {
                syncing = false;
            }
        });
    }

    private static String oneLine(String text) {
        String t = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }

    /** Ctrl+F: the field focused with its text selected. */
    public void focus() {
        Platform.runLater(() -> {
            queryField.requestFocus();
            queryField.selectAll();
        });
    }

    @FXML
    private void next() {
        vm.next();
    }

    @FXML
    private void previous() {
        vm.previous();
    }

    /** A date and a time in the console's zone; the thread opens at the newest message at or before it. */
    @FXML
    private void goToDate() {
        if (!vm.conversationOpen()) {
            vm.statusProperty().set("Open a conversation first");
            return;
        }
        Dialog<Instant> dialog = new Dialog<>();
        dialog.setTitle("Go to date");
        dialog.setHeaderText("Open the thread at the newest message at or before this moment");
        DatePicker date = new DatePicker(LocalDate.now(times.zone()));
        TextField time = new TextField("23:59");
        time.setPromptText("HH:mm or HH:mm:ss");
        Label zone = new Label("Times in " + times.zone().getId());
        Label error = new Label();
        error.getStyleClass().add("find-error");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Date"), date);
        grid.addRow(1, new Label("Time"), time);
        grid.add(zone, 1, 2);
        grid.add(error, 1, 3);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (queryField.getScene() != null) {
            dialog.initOwner(queryField.getScene().getWindow());
        }
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (parse(date.getValue(), time.getText()) == null) {
                error.setText("Pick a date and type a time like 14:30");
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? parse(date.getValue(), time.getText()) : null);
        Optional<Instant> chosen = dialog.showAndWait();
        chosen.ifPresent(vm::goTo);
    }

    private Instant parse(LocalDate day, String time) {
        if (day == null || time == null) {
            return null;
        }
        try {
            LocalTime t = LocalTime.parse(time.trim());
            // the end of the minute typed: "14:30" includes messages sent at 14:30:59
            LocalTime end = time.trim().length() <= 5 ? t.plusSeconds(59).plusNanos(999_999_000) : t.plusNanos(999_999_000);
            return day.atTime(end).atZone(times.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
