package org.cruddur.console.ui.signin;

import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** The sign-in dialog's view: binds to {@link SignInViewModel}; opening the browser and closing are the dialog's. */
public final class SignInController {

    @FXML private Label titleLabel;
    @FXML private Label startUrlLabel;
    @FXML private Label codeLabel;
    @FXML private TextField pageField;
    @FXML private ProgressIndicator progress;
    @FXML private Label messageLabel;
    @FXML private Label errorLabel;
    @FXML private Button openButton;
    @FXML private Button cancelButton;

    private SignInViewModel vm;
    private Consumer<String> openPage;
    private Runnable close;

    void bind(SignInViewModel model, Consumer<String> openPageInBrowser, Runnable closeDialog) {
        this.vm = model;
        this.openPage = openPageInBrowser;
        this.close = closeDialog;
        titleLabel.textProperty().bind(vm.titleProperty());
        startUrlLabel.textProperty().bind(vm.startUrlProperty());
        codeLabel.textProperty().bind(javafx.beans.binding.Bindings.when(vm.userCodeProperty().isEmpty())
                .then("…").otherwise(vm.userCodeProperty()));
        pageField.textProperty().bind(vm.pageProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        messageLabel.textProperty().bind(javafx.beans.binding.Bindings.when(vm.outcomeProperty().isEmpty())
                .then(vm.messageProperty()).otherwise(vm.outcomeProperty()));
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        openButton.disableProperty().bind(vm.pageProperty().isEmpty().or(vm.runningProperty().not()));
        cancelButton.textProperty().bind(javafx.beans.binding.Bindings.when(vm.runningProperty()).then("Cancel").otherwise("Close"));
    }

    @FXML
    private void openBrowser() {
        openPage.accept(vm.pageProperty().get());
    }

    @FXML
    private void cancel() {
        vm.cancel();
        close.run();
    }
}
