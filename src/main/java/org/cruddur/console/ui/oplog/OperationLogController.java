package org.cruddur.console.ui.oplog;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.cruddur.console.service.oplog.OperationLogEntry;

/** The operation log table and the selected call as an AWS CLI command. */
public final class OperationLogController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final OperationLogViewModel vm;

    @FXML private TableView<OperationLogEntry> entryTable;
    @FXML private TableColumn<OperationLogEntry, String> timeColumn;
    @FXML private TableColumn<OperationLogEntry, String> operationColumn;
    @FXML private TableColumn<OperationLogEntry, String> tableColumn;
    @FXML private TableColumn<OperationLogEntry, String> keyColumn;
    @FXML private TableColumn<OperationLogEntry, String> itemsColumn;
    @FXML private TableColumn<OperationLogEntry, String> latencyColumn;
    @FXML private TableColumn<OperationLogEntry, String> capacityColumn;
    @FXML private TableColumn<OperationLogEntry, String> errorColumn;
    @FXML private TextArea cliText;
    @FXML private Button copyCliButton;
    @FXML private Label countLabel;

    public OperationLogController(OperationLogViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        entryTable.setItems(vm.entries());
        entryTable.setPlaceholder(new Label("No DynamoDB calls yet"));
        column(timeColumn, e -> TIME.format(e.startedAt()));
        column(operationColumn, OperationLogEntry::operationAndPurpose);
        column(tableColumn, OperationLogEntry::table);
        column(keyColumn, OperationLogEntry::keyCondition);
        column(itemsColumn, e -> e.itemCount() == null ? "" : e.itemCount().toString());
        column(latencyColumn, e -> Long.toString(e.latency().toMillis()));
        column(capacityColumn, e -> e.consumedCapacity() == null ? "" : String.format(Locale.ROOT, "%.1f", e.consumedCapacity()));
        // a failed call is red and says so in words too: the colour is never the only sign
        column(errorColumn, e -> e.failed() ? "⚠ " + e.error() : "");
        entryTable.setAccessibleText("DynamoDB calls");
        org.cruddur.console.ui.view.TextSize.followWidths(entryTable);
        org.cruddur.console.ui.view.FieldNames.name(cliText, "The selected call as an AWS CLI command");
        entryTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(OperationLogEntry e, boolean empty) {
                super.updateItem(e, empty);
                getStyleClass().remove("failed-call");
                setAccessibleText(empty || e == null ? null : SpokenCall.of(e));
                if (!empty && e != null && e.failed()) {
                    getStyleClass().add("failed-call");
                }
            }
        });
        vm.selectedProperty().bind(entryTable.getSelectionModel().selectedItemProperty());
        cliText.textProperty().bind(vm.awsCliProperty());
        copyCliButton.disableProperty().bind(vm.awsCliProperty().isEmpty());
        countLabel.textProperty().bind(Bindings.size(vm.entries()).asString("%d calls shown"));
    }

    private static void column(TableColumn<OperationLogEntry, String> column, Function<OperationLogEntry, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    @FXML
    private void copyCli() {
        ClipboardContent content = new ClipboardContent();
        content.putString(vm.awsCliProperty().get());
        Clipboard.getSystemClipboard().setContent(content);
    }

    @FXML
    private void clear() {
        vm.clear();
    }
}
