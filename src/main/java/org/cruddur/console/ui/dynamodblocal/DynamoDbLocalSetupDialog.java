package org.cruddur.console.ui.dynamodblocal;

import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.cruddur.console.ui.view.FeatureView;

/** The first-use dialog of the embedded profile: license, consent, install. */
public final class DynamoDbLocalSetupDialog {

    private DynamoDbLocalSetupDialog() {
    }

    /**
     * Shows the dialog over {@code owner} and starts fetching the license.
     * @param onInstalled after DynamoDB Local was installed (connect again)
     * @param onHidden    when the dialog closes, installed or not
     */
    public static void show(Stage owner, DynamoDbLocalSetupViewModel setup, Runnable onInstalled, Runnable onHidden) {
        Stage dialog = new Stage();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Install DynamoDB Local");
        DynamoDbLocalSetupController controller = new DynamoDbLocalSetupController();
        Scene scene = new Scene(FeatureView.load("dynamodblocal/DynamoDbLocalSetupView.fxml", controller));
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        dialog.setScene(scene);
        controller.bind(setup, onInstalled);
        dialog.setOnHidden(e -> onHidden.run());
        dialog.show();
        setup.fetchLicense();
    }
}
