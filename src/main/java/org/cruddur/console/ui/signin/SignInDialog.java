package org.cruddur.console.ui.signin;

import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.cruddur.console.ui.view.FeatureView;

/** "Sign in to AWS…": the code, the page, a button to open the browser again, progress while it waits, Cancel. */
public final class SignInDialog {

    private SignInDialog() {
    }

    /**
     * Shows the dialog over {@code owner} and starts the sign-in of {@code awsProfile}.
     * @param openPage   opens a page in the system browser (HostServices)
     * @param onSignedIn after the token is in the cache (retry what failed); the dialog closes itself then
     */
    public static void show(Stage owner, SignInViewModel signIn, String awsProfile, Consumer<String> openPage, Runnable onSignedIn) {
        Stage dialog = new Stage();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Sign in to AWS");
        SignInController controller = new SignInController();
        Scene scene = new Scene(FeatureView.load("signin/SignInView.fxml", controller));
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.setScene(scene);
        controller.bind(signIn, openPage, dialog::close);
        dialog.setOnCloseRequest(e -> signIn.cancel());
        dialog.show();
        signIn.start(awsProfile, openPage, () -> {
            dialog.close();
            onSignedIn.run();
        });
    }
}
