package org.cruddur.console.ui.health;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.cruddur.console.service.json.SdkJson;
import org.cruddur.console.service.health.ConversationWrite;
import org.cruddur.console.service.health.Finding;
import org.cruddur.console.service.health.RepairReport;
import org.cruddur.console.ui.connection.ConnectionContext;

/** The Health pane: check, findings by kind, the raw items of a finding, and a repair confirmed on its dry-run plan. */
public final class HealthController {

    private final HealthViewModel vm;
    private final ConnectionContext main;
    private final Parent rawItemsView;

    @FXML private Button checkButton;
    @FXML private Button cancelButton;
    @FXML private Button repairButton;
    @FXML private TextField maxRcuField;
    @FXML private ProgressBar progressBar;
    @FXML private Label paceLabel;
    @FXML private Label statusLabel;
    @FXML private ListView<HealthViewModel.KindCount> kindList;
    @FXML private TableView<Finding> findingTable;
    @FXML private TableColumn<Finding, String> severityColumn;
    @FXML private TableColumn<Finding, String> conversationColumn;
    @FXML private TableColumn<Finding, String> keyColumn;
    @FXML private TableColumn<Finding, String> detailColumn;
    @FXML private TableColumn<Finding, Boolean> repairableColumn;
    @FXML private StackPane rawItemsHost;

    public HealthController(HealthViewModel vm, ConnectionContext main, Parent rawItemsView) {
        this.vm = vm;
        this.main = main;
        this.rawItemsView = rawItemsView;
    }

    @FXML
    private void initialize() {
        rawItemsHost.getChildren().setAll(rawItemsView);
        checkButton.disableProperty().bind(vm.runningProperty().or(main.tableProperty().isNull()));
        cancelButton.disableProperty().bind(vm.runningProperty().not());
        repairButton.disableProperty().bind(vm.canRepairProperty().not());
        repairButton.setTooltip(new Tooltip("Shows the dry-run plan first; needs writes unlocked on a protected profile"));
        maxRcuField.textProperty().bindBidirectional(vm.maxRcuProperty());
        progressBar.progressProperty().bind(vm.progressProperty());
        progressBar.visibleProperty().bind(vm.runningProperty());
        paceLabel.textProperty().bind(vm.paceProperty());
        statusLabel.textProperty().bind(vm.statusProperty());

        kindList.setItems(vm.kinds());
        kindList.getSelectionModel().selectedItemProperty().addListener((obs, was, k) -> vm.selectedKindProperty().set(k));
        vm.selectedKindProperty().addListener((obs, was, k) -> {
            if (k != null && kindList.getSelectionModel().getSelectedItem() != k) {
                kindList.getSelectionModel().select(k);
            }
        });

        findingTable.setItems(vm.findings());
        findingTable.setAccessibleText("Findings");
        org.cruddur.console.ui.view.TextSize.followWidths(findingTable);
        org.cruddur.console.ui.view.TextSize.followMinWidth(severityColumn, 74);
        org.cruddur.console.ui.view.TextSize.followMinWidth(repairableColumn, 92);
        findingTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                setAccessibleText(empty || f == null ? null : SpokenFinding.of(f));
            }
        });
        kindList.setAccessibleText("Findings by kind");
        org.cruddur.console.ui.view.FieldNames.name(maxRcuField, "Maximum read capacity units per second");
        maxRcuField.setAccessibleHelp("Empty: half the provisioned capacity on AWS, unpaced elsewhere");
        progressBar.setAccessibleText("Check progress");
        severityColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().severity().code()));
        conversationColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().messageGroupUuid() == null ? "—" : c.getValue().messageGroupUuid()));
        keyColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().pk() + " / " + c.getValue().sk()));
        detailColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        repairableColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().repairable()));
        findingTable.getSelectionModel().selectedItemProperty().addListener((obs, was, f) -> vm.selectedFindingProperty().set(f));
        // another view opened the pane at a finding (the inbox's "Open in Health"), maybe before the pane was first shown
        vm.selectedFindingProperty().addListener((obs, was, f) -> showSelected(f));
        if (vm.selectedKindProperty().get() != null) {
            kindList.getSelectionModel().select(vm.selectedKindProperty().get());
        }
        showSelected(vm.selectedFindingProperty().get());

        vm.planProperty().addListener((obs, was, plan) -> {
            if (plan != null) {
                confirm(plan);
            }
        });
    }

    private void showSelected(Finding f) {
        if (f != null && findingTable.getSelectionModel().getSelectedItem() != f) {
            findingTable.getSelectionModel().select(f);
            findingTable.scrollTo(f);
        }
    }

    private void confirm(RepairReport plan) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.setTitle("Repair group rows");
        alert.setHeaderText("Repair " + plan.writes().size() + " conversations: delete " + plan.rowsDeleted() + " rows, put "
                + plan.rowsPut() + ". No message is changed.");
        TextArea text = new TextArea(planText(plan));
        text.setEditable(false);
        text.setWrapText(false);
        text.getStyleClass().add("json-text");
        text.setPrefSize(760, 320);
        alert.getDialogPane().setContent(text);
        ButtonType repair = new ButtonType("Repair", ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(repair, ButtonType.CANCEL);
        if (checkButton.getScene() != null) {
            alert.initOwner(checkButton.getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(checkButton.getScene().getStylesheets());
        }
        alert.showAndWait().filter(repair::equals).ifPresentOrElse(b -> vm.repair(), vm::discardPlan);
    }

    static String planText(RepairReport plan) {
        StringBuilder b = new StringBuilder();
        for (ConversationWrite w : plan.writes()) {
            b.append("conversation ").append(w.messageGroupUuid()).append('\n');
            w.delete().forEach(k -> b.append("  delete ").append(SdkJson.compact(SdkJson.plainJson(k))).append('\n'));
            w.put().forEach(i -> b.append("  put    ").append(SdkJson.compact(SdkJson.plainJson(i))).append('\n'));
        }
        return b.toString();
    }

    @FXML
    private void runCheck() {
        vm.runCheck();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void repair() {
        vm.planRepair();
    }
}
