package org.cruddur.console.ui.profiles;

import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.cruddur.console.ui.view.FeatureView;

/** The Profiles dialog (Ctrl+P): built once, shown again on every open, in the window's theme. */
public final class ProfilesDialog {

    private final Stage owner;
    private final ProfilesViewModel vm;
    private Stage stage;

    public ProfilesDialog(Stage owner, ProfilesViewModel vm) {
        this.owner = owner;
        this.vm = vm;
    }

    public void show() {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
            stage.setTitle("Connection profiles");
            Parent content = FeatureView.load("profiles/ProfilesView.fxml", new ProfilesController(vm, stage::hide));
            Scene scene = new Scene(content);
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            owner.getScene().getStylesheets().addListener((ListChangeListener<String>) c ->
                    scene.getStylesheets().setAll(owner.getScene().getStylesheets()));
            stage.setScene(scene);
        }
        vm.reload();
        stage.show();
        stage.toFront();
    }
}
