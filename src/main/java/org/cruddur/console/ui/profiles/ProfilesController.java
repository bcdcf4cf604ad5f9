package org.cruddur.console.ui.profiles;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.cruddur.console.config.ConnectionProfile;

/** The profile editor dialog's content. */
public final class ProfilesController {

    private final ProfilesViewModel vm;
    private final Runnable close;

    @FXML private VBox fileProblemsBox;
    @FXML private Label fileLabel;
    @FXML private ListView<ConnectionProfile> profileList;
    @FXML private Button deleteButton;
    @FXML private TextField nameField;
    @FXML private ComboBox<ConnectionProfile.Kind> kindBox;
    @FXML private TextField endpointField;
    @FXML private TextField regionField;
    @FXML private TextField awsProfileField;
    @FXML private TextField tableField;
    @FXML private TextField userPoolField;
    @FXML private CheckBox readOnlyBox;
    @FXML private Label formProblemsLabel;
    @FXML private Button saveButton;

    public ProfilesController(ProfilesViewModel vm, Runnable close) {
        this.vm = vm;
        this.close = close;
    }

    @FXML
    private void initialize() {
        profileList.setItems(vm.profiles());
        profileList.setPlaceholder(new Label("No profiles of your own yet"));
        profileList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : ProfileColor.describe(p));
            }
        });
        profileList.getSelectionModel().selectedItemProperty().addListener((obs, was, p) -> {
            if (p != null) {
                vm.editingProperty().set(p);
            }
        });
        deleteButton.disableProperty().bind(vm.editingProperty().isNull().or(vm.savingProperty()));
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        kindBox.getItems().setAll(ConnectionProfile.Kind.values());
        kindBox.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(ConnectionProfile.Kind k) {
                return k == null ? "" : k.id(); // as written in profiles.json
            }
            @Override public ConnectionProfile.Kind fromString(String s) {
                return ConnectionProfile.Kind.of(s);
            }
        });
        kindBox.valueProperty().bindBidirectional(vm.kindProperty());
        endpointField.textProperty().bindBidirectional(vm.endpointProperty());
        endpointField.disableProperty().bind(vm.kindProperty().isNotEqualTo(ConnectionProfile.Kind.ENDPOINT));
        regionField.textProperty().bindBidirectional(vm.regionProperty());
        awsProfileField.textProperty().bindBidirectional(vm.awsProfileProperty());
        awsProfileField.disableProperty().bind(vm.kindProperty().isNotEqualTo(ConnectionProfile.Kind.AWS));
        tableField.textProperty().bindBidirectional(vm.tableProperty());
        userPoolField.textProperty().bindBidirectional(vm.userPoolIdProperty());
        readOnlyBox.selectedProperty().bindBidirectional(vm.readOnlyProperty());
        formProblemsLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            String save = vm.saveProblemProperty().get();
            String form = String.join("\n", vm.formProblemsProperty().get());
            return save != null && !save.isBlank() ? save : form;
        }, vm.saveProblemProperty(), vm.formProblemsProperty()));
        saveButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.formProblemsProperty().get().isEmpty() || vm.savingProperty().get(),
                vm.formProblemsProperty(), vm.savingProperty()));
        vm.fileProblems().addListener((ListChangeListener<String>) c -> showFileProblems());
        showFileProblems();
        if (vm.profiles().isEmpty()) {
            vm.newProfile();
        }
    }

    private void showFileProblems() {
        fileProblemsBox.getChildren().setAll(vm.fileProblems().stream().map(p -> {
            Label l = new Label("⚠ " + p);
            l.setWrapText(true);
            l.getStyleClass().add("error-text");
            return l;
        }).toList());
        fileProblemsBox.setVisible(!vm.fileProblems().isEmpty());
        fileProblemsBox.setManaged(!vm.fileProblems().isEmpty());
    }

    @FXML
    private void newProfile() {
        profileList.getSelectionModel().clearSelection();
        vm.newProfile();
        nameField.requestFocus();
    }

    @FXML
    private void delete() {
        vm.delete();
    }

    @FXML
    private void save() {
        vm.save();
    }

    @FXML
    private void close() {
        close.run();
    }
}
