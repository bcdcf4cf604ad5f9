package org.cruddur.console.ui.admin;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import org.cruddur.console.service.seeding.SeedPlan;

/** Schema, drop, seed and the scan browser. */
public final class AdminController {

    private final AdminViewModel vm;
    private final Parent scanItemsView;

    @FXML private Button schemaLoadButton;
    @FXML private Label dropHint;
    @FXML private TextField dropConfirmation;
    @FXML private Button dropButton;
    @FXML private Spinner<Integer> conversationsSpinner;
    @FXML private Spinner<Integer> messagesSpinner;
    @FXML private Button seedButton;
    @FXML private ProgressBar seedProgress;
    @FXML private Button cancelSeedButton;
    @FXML private TextArea outputText;
    @FXML private TextField filterAttribute;
    @FXML private TextField filterText;
    @FXML private Button scanButton;
    @FXML private Button nextPageButton;
    @FXML private Button fullScanButton;
    @FXML private ProgressBar fullScanProgress;
    @FXML private Label fullScanPace;
    @FXML private Button cancelFullScanButton;
    @FXML private Label scanStatus;
    @FXML private StackPane scanItemsHost;

    public AdminController(AdminViewModel vm, Parent scanItemsView) {
        this.vm = vm;
        this.scanItemsView = scanItemsView;
    }

    @FXML
    private void initialize() {
        scanItemsHost.getChildren().setAll(scanItemsView);
        // fields whose caption is a separate label: the screen reader hears what they are for
        org.cruddur.console.ui.view.FieldNames.name(dropConfirmation, "Table name, typed to confirm the drop");
        org.cruddur.console.ui.view.FieldNames.name(conversationsSpinner, "Conversations to seed");
        org.cruddur.console.ui.view.FieldNames.name(messagesSpinner, "Messages to seed");
        org.cruddur.console.ui.view.FieldNames.name(filterAttribute, "Scan filter: attribute");
        org.cruddur.console.ui.view.FieldNames.name(filterText, "Scan filter: text the attribute contains");
        org.cruddur.console.ui.view.FieldNames.name(outputText, "Result");
        seedProgress.setAccessibleText("Seed progress");
        fullScanProgress.setAccessibleText("Full scan progress");
        dropHint.textProperty().bind(Bindings.createStringBinding(() -> vm.tableNameProperty().get().isEmpty() ? ""
                : "Deletes every item. Type '" + vm.tableNameProperty().get() + "' to confirm.", vm.tableNameProperty()));
        dropConfirmation.textProperty().bindBidirectional(vm.dropConfirmationProperty());
        dropButton.disableProperty().bind(vm.dropConfirmedProperty().not());

        conversationsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 1_000_000, vm.seedConversationsProperty().get(), 1));
        messagesSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, SeedPlan.MAX_MESSAGES, vm.seedMessagesProperty().get(), 100));
        conversationsSpinner.valueProperty().addListener((obs, was, v) -> vm.seedConversationsProperty().set(v));
        messagesSpinner.valueProperty().addListener((obs, was, v) -> vm.seedMessagesProperty().set(v));
        seedButton.disableProperty().bind(vm.seedingProperty().or(vm.connectedProperty().not()));
        cancelSeedButton.disableProperty().bind(vm.seedingProperty().not());
        seedProgress.progressProperty().bind(vm.seedProgressProperty());
        outputText.textProperty().bind(vm.outputProperty());

        filterAttribute.textProperty().bindBidirectional(vm.filterAttributeProperty());
        filterText.textProperty().bindBidirectional(vm.filterTextProperty());
        filterText.setOnAction(e -> vm.scanFirstPage());
        nextPageButton.disableProperty().bind(vm.scanHasMoreProperty().not().or(vm.scanningProperty()));
        fullScanButton.disableProperty().bind(vm.fullScanningProperty());
        cancelFullScanButton.disableProperty().bind(vm.fullScanningProperty().not());
        fullScanProgress.progressProperty().bind(vm.fullScanProgressProperty());
        fullScanPace.textProperty().bind(vm.fullScanPaceProperty());
        scanStatus.textProperty().bind(vm.scanStatusProperty());
    }

    @FXML
    private void loadSchema() {
        vm.loadSchema();
    }

    @FXML
    private void describe() {
        vm.describe();
    }

    @FXML
    private void drop() {
        vm.drop();
    }

    @FXML
    private void seed() {
        // a typed but uncommitted spinner value counts
        conversationsSpinner.increment(0);
        messagesSpinner.increment(0);
        vm.seed();
    }

    @FXML
    private void cancelSeed() {
        vm.cancelSeed();
    }

    @FXML
    private void scan() {
        vm.scanFirstPage();
    }

    @FXML
    private void nextPage() {
        vm.scanPage();
    }

    @FXML
    private void fullScan() {
        vm.fullScan();
    }

    @FXML
    private void cancelFullScan() {
        vm.cancelFullScan();
    }
}
