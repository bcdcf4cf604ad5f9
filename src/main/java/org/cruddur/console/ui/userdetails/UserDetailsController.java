package org.cruddur.console.ui.userdetails;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/** The person's merged record, the directory's notes as a banner, and the two ways on from here. */
public final class UserDetailsController {

    private final UserDetailsViewModel vm;
    private final Runnable afterOpen;
    private final Runnable afterStart;

    @FXML private Label bannerLabel;
    @FXML private Label titleLabel;
    @FXML private TextField uuidField;
    @FXML private TextField handleField;
    @FXML private TextField nameField;
    @FXML private TextField emailField;
    @FXML private TextField subField;
    @FXML private TextField cognitoUserField;
    @FXML private TextField stateField;
    @FXML private TextField sourcesField;
    @FXML private ListView<String> problemList;
    @FXML private Button openConversationsButton;
    @FXML private Button startConversationButton;
    @FXML private StackPane openHolder;
    @FXML private StackPane startHolder;
    @FXML private Label whyNotLabel;

    /**
     * @param afterOpen  what the window does after the inbox switched person (show the thread's raw items again)
     * @param afterStart what the window does after the composer got its recipient (focus the message box)
     */
    public UserDetailsController(UserDetailsViewModel vm, Runnable afterOpen, Runnable afterStart) {
        this.vm = vm;
        this.afterOpen = afterOpen;
        this.afterStart = afterStart;
    }

    @FXML
    private void initialize() {
        bannerLabel.textProperty().bind(vm.bannerProperty());
        // read-only fields captioned by separate labels: the screen reader hears their names
        org.cruddur.console.ui.view.FieldNames.name(uuidField, "User uuid");
        org.cruddur.console.ui.view.FieldNames.name(handleField, "Handle");
        org.cruddur.console.ui.view.FieldNames.name(nameField, "Display name");
        org.cruddur.console.ui.view.FieldNames.name(emailField, "Email");
        org.cruddur.console.ui.view.FieldNames.name(subField, "Cognito sub");
        org.cruddur.console.ui.view.FieldNames.name(cognitoUserField, "Cognito user");
        org.cruddur.console.ui.view.FieldNames.name(stateField, "Cognito state");
        org.cruddur.console.ui.view.FieldNames.name(sourcesField, "Known to");
        problemList.setAccessibleText("Problems");
        bannerLabel.visibleProperty().bind(vm.bannerProperty().isNotEmpty());
        bannerLabel.managedProperty().bind(bannerLabel.visibleProperty());
        titleLabel.textProperty().bind(vm.titleProperty());
        uuidField.textProperty().bind(vm.userUuid());
        handleField.textProperty().bind(vm.handle());
        nameField.textProperty().bind(vm.displayName());
        emailField.textProperty().bind(vm.email());
        subField.textProperty().bind(vm.cognitoSub());
        cognitoUserField.textProperty().bind(vm.cognitoUsername());
        stateField.textProperty().bind(vm.cognitoState());
        sourcesField.textProperty().bind(vm.sources());
        problemList.setItems(vm.problems());
        problemList.setPlaceholder(new Label("No problems: the sources agree"));
        problemList.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : "⚠ " + text);
                setWrapText(true);
                setPrefWidth(0); // wrap to the list's width instead of widening it
            }
        });

        openConversationsButton.disableProperty().bind(vm.canOpenConversationsProperty().not());
        startConversationButton.disableProperty().bind(vm.canStartConversationProperty().not());
        // a disabled button shows no tooltip: the reason hangs on its holder, and is written out below as well
        tooltipOn(openHolder, vm.whyNotOpenProperty(), "Show this person's conversations in the inbox (double-click in the list does the same)");
        tooltipOn(startHolder, vm.whyNotStartProperty(), "Write to this person as the one whose conversations are open");
        whyNotLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.personProperty().get() == null ? null : vm.whyNotStartProperty().get(),
                vm.personProperty(), vm.whyNotStartProperty()));
        whyNotLabel.visibleProperty().bind(whyNotLabel.textProperty().isNotEmpty());
        whyNotLabel.managedProperty().bind(whyNotLabel.visibleProperty());
    }

    private static void tooltipOn(StackPane holder, javafx.beans.value.ObservableStringValue whyNot, String whatItDoes) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> whyNot.get() == null ? whatItDoes : whyNot.get(), whyNot));
        Tooltip.install(holder, tip);
    }

    @FXML
    private void openConversations() {
        vm.openConversations();
        afterOpen.run();
    }

    @FXML
    private void startConversation() {
        if (vm.startConversation()) {
            afterStart.run();
        }
    }
}
