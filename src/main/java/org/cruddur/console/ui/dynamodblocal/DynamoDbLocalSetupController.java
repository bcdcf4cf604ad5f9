package org.cruddur.console.ui.dynamodblocal;

import java.io.File;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import org.cruddur.console.ui.dynamodblocal.DynamoDbLocalSetupViewModel.Phase;

/** The first-use dialog for DynamoDB Local: shows AWS's license and the install's progress. */
public final class DynamoDbLocalSetupController {

    @FXML private TextArea license;
    @FXML private ProgressBar progress;
    @FXML private Label status;
    @FXML private Button chooseFolder;
    @FXML private Button cancel;
    @FXML private Button accept;

    private DynamoDbLocalSetupViewModel vm;
    private Runnable onInstalled;

    public void bind(DynamoDbLocalSetupViewModel viewModel, Runnable whenInstalled) {
        this.vm = viewModel;
        this.onInstalled = whenInstalled;
        license.textProperty().bind(vm.licenseTextProperty());
        status.textProperty().bind(vm.statusProperty());
        progress.progressProperty().bind(vm.progressProperty());
        vm.phaseProperty().addListener((obs, was, now) -> showPhase(now));
        showPhase(vm.phaseProperty().get());
    }

    private void showPhase(Phase phase) {
        accept.setDisable(phase != Phase.AWAITING_CONSENT);
        chooseFolder.setDisable(phase == Phase.INSTALLING || phase == Phase.INSTALLED);
        cancel.setText(phase == Phase.INSTALLED || phase == Phase.FAILED ? "Close" : "Cancel");
        progress.setVisible(phase == Phase.FETCHING_LICENSE || phase == Phase.INSTALLING || phase == Phase.INSTALLED);
        if (phase == Phase.INSTALLED) {
            window().close();
        }
    }

    @FXML
    private void accept() {
        vm.accept(onInstalled);
    }

    @FXML
    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("A folder holding DynamoDBLocal.jar (e.g. AWS's unpacked zip)");
        File folder = chooser.showDialog(window());
        if (folder != null) {
            vm.installFrom(folder.toPath(), onInstalled);
        }
    }

    @FXML
    private void cancel() {
        if (vm.phaseProperty().get() != Phase.INSTALLED && vm.phaseProperty().get() != Phase.FAILED) {
            vm.cancel();
        }
        window().close();
    }

    private Stage window() {
        return (Stage) accept.getScene().getWindow();
    }
}
