package org.cruddur.console.ui.signin;

import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.cruddur.console.service.aws.AwsAccess;
import org.cruddur.console.service.aws.DeviceAuthorization;
import org.cruddur.console.service.aws.SignInProgress;
import org.cruddur.console.service.aws.SsoToken;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.background.LatestRequest;
import org.cruddur.console.ui.background.OneLineError;

/**
 * The sign-in dialog's state: the IAM Identity Center device flow runs as a background request; the code and the
 * page arrive on the UI thread through the request's message, and the dialog shows them while it polls.
 */
public final class SignInViewModel {

    private final AwsAccess aws;
    private final LatestRequest request;
    private final AtomicReference<DeviceAuthorization> authorization = new AtomicReference<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper startUrl = new ReadOnlyStringWrapper(this, "startUrl", "");
    private final ReadOnlyStringWrapper userCode = new ReadOnlyStringWrapper(this, "userCode", "");
    private final ReadOnlyStringWrapper page = new ReadOnlyStringWrapper(this, "page", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");

    public SignInViewModel(AwsAccess aws, BackgroundWork work) {
        this.aws = aws;
        this.request = new LatestRequest(work, failure -> {
            if (!OneLineError.isCancellation(failure)) {
                error.set(OneLineError.of(failure));
            }
        });
        // the job tells of each step through its message: the code and page are read here, on the UI thread
        request.messageProperty().addListener((obs, was, now) -> showAuthorization());
    }

    /**
     * Starts signing in {@code awsProfile} (null: AWS_PROFILE or default); {@code openPage} opens the browser once the
     * page is known, {@code onSignedIn} runs on the UI thread when the token is in the cache.
     */
    public void start(String awsProfile, java.util.function.Consumer<String> openPage, Runnable onSignedIn) {
        error.set("");
        outcome.set("");
        userCode.set("");
        page.set("");
        startUrl.set("");
        authorization.set(null);
        title.set("Sign in to AWS profile '" + aws.profileName(awsProfile) + "'");
        request.run("Signing in to AWS", progress -> aws.signIn(awsProfile, new SignInProgress() {
            @Override
            public void authorize(DeviceAuthorization a) {
                authorization.set(a);
                progress.message("Opening the sign-in page in your browser…");
                openPage.accept(a.pageToOpen());
            }

            @Override
            public void message(String text) {
                progress.message(text);
            }

            @Override
            public boolean stopRequested() {
                return progress.stopRequested();
            }
        }), (SsoToken token) -> {
            showAuthorization();
            outcome.set("Signed in until " + token.expiresAt());
            onSignedIn.run();
        });
    }

    private void showAuthorization() {
        DeviceAuthorization a = authorization.get();
        if (a != null && !a.userCode().equals(userCode.get())) {
            userCode.set(a.userCode());
            page.set(a.pageToOpen());
            startUrl.set("IAM Identity Center: " + a.startUrl());
        }
    }

    /** Stops polling; nothing is written. */
    public void cancel() {
        request.stop();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return request.loadingProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return request.messageProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty startUrlProperty() {
        return startUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userCodeProperty() {
        return userCode.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
