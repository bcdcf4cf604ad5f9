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

    @FXML private TextField findField;
    @FXML private Button findPreviousButton;
    @FXML private Button findNextButton;
    @FXML private Label findStatusLabel;
    @FXML private Label findRuleLabel;
    @FXML private ProgressIndicator findingIndicator;
    @FXML private ListView<TimelineMessage> findResults;

    public FindController(FindViewModel vm, MessageTimes times) {
        this.vm = vm;
        this.times = times;
    }

    @FXML
    private void initialize() {
        findField.textProperty().bindBidirectional(vm.queryProperty());
        findField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    vm.previous();
                } else {
                    vm.findOrNext();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                findField.clear();
                vm.clear();
                e.consume();
            }
        });
        // the field's clear button (ControlsFX) empties it: the results go with the text, as with Esc
        findField.textProperty().addListener((obs, was, now) -> {
            if ((now == null || now.isEmpty()) && was != null && !was.isEmpty()) {
                vm.clear();
            }
        });
        findStatusLabel.textProperty().bind(vm.statusProperty());
        findRuleLabel.setText(vm.matchRule());
        findField.setTooltip(new javafx.scene.control.Tooltip("Enter: find, then the next (older) match; Shift+Enter: the previous one; Esc: clear.\n"
                + vm.matchRule()));
        findingIndicator.visibleProperty().bind(vm.loadingProperty());
        findingIndicator.managedProperty().bind(vm.loadingProperty());
        findPreviousButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.results()));
        findNextButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.results()));
        // the arrows are icons: say what they do
        findPreviousButton.setAccessibleText("Previous (newer) result");
        findPreviousButton.setAccessibleHelp("Shift+Enter in the find field");
        findNextButton.setAccessibleText("Next (older) result");
        findNextButton.setAccessibleHelp("Enter in the find field");
        org.cruddur.console.ui.view.FieldNames.name(findField, "Find in this conversation");
        findField.setAccessibleHelp("Enter finds, then the next older match; Shift+Enter the previous one; Escape clears");
        findResults.setAccessibleText("Find results");
        findResults.setItems(vm.results());
        findResults.setPlaceholder(new Label("No results yet: type and press Enter"));
        findResults.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TimelineMessage m, boolean empty) {
                super.updateItem(m, empty);
                if (empty || m == null) {
                    setText(null);
                    return;
                }
                String when = m.at() == Instant.MIN ? m.row().createdAt() : times.dayHeading(m.at()) + " " + times.clockTime(m.at());
                setText(when + " · " + PersonName.senderOf(m.row()) + ": " + oneLine(m.row().message()));
            }
        });
        javafx.beans.binding.BooleanBinding visible = javafx.beans.binding.Bindings.isNotEmpty(vm.results())
                .or(vm.statusProperty().isNotEmpty());
        findResults.visibleProperty().bind(visible);
        findResults.managedProperty().bind(visible);
        findRuleLabel.visibleProperty().bind(visible.or(findField.focusedProperty()));
        findRuleLabel.managedProperty().bind(findRuleLabel.visibleProperty());
        findResults.getSelectionModel().selectedIndexProperty().addListener((obs, was, index) -> {
            if (!syncing && index.intValue() >= 0 && index.intValue() != vm.currentProperty().get()) {
                vm.open(index.intValue());
            }
        });
        vm.currentProperty().addListener((obs, was, index) -> {
            syncing = true;
            try {
                if (index.intValue() < 0) {
                    findResults.getSelectionModel().clearSelection();
                } else {
                    findResults.getSelectionModel().select(index.intValue());
                    findResults.scrollTo(Math.max(0, index.intValue() - 1));
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
            findField.requestFocus();
            findField.selectAll();
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
        if (findField.getScene() != null) {
            dialog.initOwner(findField.getScene().getWindow());
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
