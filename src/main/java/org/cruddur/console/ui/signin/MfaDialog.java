package org.cruddur.console.ui.signin;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.scene.control.TextInputDialog;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.aws.MfaPrompt;

/**
 * Asks for an MFA code in a dialog. Called by the credentials provider on a background thread, which waits for the
 * answer; the dialog itself runs on the UI thread (never called from it: that would wait on itself).
 */
public final class MfaDialog implements MfaPrompt {

    @Override
    public String code(String awsProfile, String mfaSerial) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("MFA codes are asked for from background work only");
        }
        CompletableFuture<String> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                TextInputDialog dialog = new TextInputDialog();
                dialog.setTitle("MFA code");
                dialog.setHeaderText("AWS profile '" + awsProfile + "' assumes a role that needs your MFA code");
                dialog.setContentText("Code from " + mfaSerial + ":");
                answer.complete(dialog.showAndWait().orElse(null));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(ConsoleException.Kind.CANCELLED, "No MFA code given", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The MFA dialog failed", e.getCause());
        }
    }
}
