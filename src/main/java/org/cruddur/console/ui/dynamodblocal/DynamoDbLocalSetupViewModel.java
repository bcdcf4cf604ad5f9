package org.cruddur.console.ui.dynamodblocal;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cruddur.console.service.dynamodblocal.DynamoDbLocalInstall;
import org.cruddur.console.service.dynamodblocal.DynamoDbLocalInstall.LicensedDownload;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.background.OneLineError;
import org.cruddur.console.ui.background.LatestRequest;

/**
 * First use of the embedded profile on a machine without DynamoDB Local (an installed console never ships it):
 * fetch only its main jar, show AWS's license from inside it, and download the rest only after consent; or take
 * a folder the user already has.
 */
public final class DynamoDbLocalSetupViewModel {

    public enum Phase { FETCHING_LICENSE, AWAITING_CONSENT, INSTALLING, INSTALLED, FAILED, CANCELLED }

    private final DynamoDbLocalInstall install;
    private final BackgroundWork work;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.FETCHING_LICENSE);
    private final StringProperty licenseText = new SimpleStringProperty(this, "licenseText", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    /** Fetching the license, then installing: cancel stops whichever runs, and its outcome never arrives. */
    private final LatestRequest step;
    private LicensedDownload pending;

    public DynamoDbLocalSetupViewModel(DynamoDbLocalInstall install, BackgroundWork work) {
        this.install = install;
        this.work = work;
        this.step = new LatestRequest(work, this::failed);
    }

    /** Downloads the main jar (about 7 MB) to read its license; nothing is installed yet. */
    public void fetchLicense() {
        phase.set(Phase.FETCHING_LICENSE);
        status.set("Fetching " + install.coordinates() + " from " + install.repository() + " to show its license…");
        step.run("Fetching DynamoDB Local's license", p -> install.startDownload(progressTo(p), p::stopRequested), d -> {
            pending = d;
            licenseText.set(d.licenseText());
            phase.set(Phase.AWAITING_CONSENT);
            status.set("Accept AWS's license to download DynamoDB Local (" + install.fileCount() + " files, "
                    + install.downloadSize() / (1024 * 1024) + " MB), or choose a folder that already holds it.");
        }, this::discard); // fetched after a cancel: its staging folder goes
    }

    /** The user accepted the license: download the rest, verify every file, install. */
    public void accept(Runnable onInstalled) {
        LicensedDownload accepted = pending;
        if (accepted == null || phase.get() != Phase.AWAITING_CONSENT) {
            return;
        }
        phase.set(Phase.INSTALLING);
        status.set("Downloading and verifying DynamoDB Local…");
        step.run("Installing DynamoDB Local", p -> {
            try {
                return accepted.install(progressTo(p), p::stopRequested);
            } finally {
                accepted.close();
            }
        }, dir -> installed(dir, onInstalled));
        pending = null;
    }

    /** Installs from a folder the user chose (e.g. AWS's unpacked zip). */
    public void installFrom(Path folder, Runnable onInstalled) {
        discardPending();
        phase.set(Phase.INSTALLING);
        status.set("Copying DynamoDB Local from " + folder + "…");
        step.run("Installing DynamoDB Local", p -> install.installFrom(folder, progressTo(p), p::stopRequested),
                dir -> installed(dir, onInstalled));
    }

    /** Declined or closed: nothing stays on disk. */
    public void cancel() {
        step.stop();
        discardPending();
        phase.set(Phase.CANCELLED);
        status.set("DynamoDB Local was not installed; the embedded profile needs it (other profiles work without it).");
    }

    private void discardPending() {
        LicensedDownload d = pending;
        pending = null;
        if (d != null) {
            discard(d);
        }
    }

    /** Deletes a fetched download's staging folder, off the UI thread. */
    private void discard(LicensedDownload d) {
        work.submit("Discarding the download", p -> {
            d.close();
            return null;
        }, ignored -> { }, ignored -> { });
    }

    private void installed(Path dir, Runnable onInstalled) {
        phase.set(Phase.INSTALLED);
        status.set("DynamoDB Local installed in " + dir);
        onInstalled.run();
    }

    private void failed(Throwable failure) {
        phase.set(Phase.FAILED);
        status.set(OneLineError.of(failure));
    }

    private static DynamoDbLocalInstall.Progress progressTo(BackgroundWork.JobProgress p) {
        return (step, done, total) -> {
            p.message(step);
            p.update(done, total);
        };
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public StringProperty licenseTextProperty() {
        return licenseText;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** 0..1, or -1 while the size is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return step.progressProperty();
    }
}
