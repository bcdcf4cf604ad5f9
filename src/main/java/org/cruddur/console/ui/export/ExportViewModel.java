package org.cruddur.console.ui.export;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cruddur.console.service.table.MessagesTable;
import org.cruddur.console.service.transcripts.ExportProgress;
import org.cruddur.console.service.transcripts.TranscriptExport;
import org.cruddur.console.service.transcripts.TranscriptFormat;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.background.LatestRequest;
import org.cruddur.console.ui.background.WorkDone;
import org.cruddur.console.ui.connection.ConnectionContext;

/**
 * One export at a time, of a conversation to a file or of a person's conversations to a folder, in the background
 * with progress; Cancel stops it and the service removes what it had written.
 */
public final class ExportViewModel {

    /** What is exported: one conversation (group uuid) or all of a person's (user uuid). */
    public record Subject(boolean person, String uuid, String label, String suggestedName) {
    }

    private final ConnectionContext main;
    private final LatestRequest request;
    private final ObjectProperty<TranscriptFormat> format = new SimpleObjectProperty<>(this, "format", TranscriptFormat.MD);
    private final StringProperty zone = new SimpleStringProperty(this, "zone", ZoneId.systemDefault().getId());
    private final StringProperty outcome = new SimpleStringProperty(this, "outcome", "");

    public ExportViewModel(ConnectionContext main) {
        this.main = main;
        this.request = main.tableRequest(failure -> {
            outcome.set("Export failed: " + org.cruddur.console.ui.background.OneLineError.of(failure));
            main.report(failure);
        });
    }

    /** Starts the export; false (with the reason in {@link #outcomeProperty()}) when the input is wrong. */
    public boolean start(Subject subject, Path target) {
        MessagesTable t = main.table();
        if (t == null) {
            outcome.set("Not connected");
            return false;
        }
        if (target == null) {
            outcome.set(subject.person() ? "Choose a folder" : "Choose a file");
            return false;
        }
        ZoneId z;
        try {
            z = ZoneId.of(zone.get().trim());
        } catch (DateTimeException | NullPointerException e) {
            outcome.set("Unknown time zone '" + zone.get() + "' (e.g. Europe/Berlin, UTC, +02:00)");
            return false;
        }
        TranscriptFormat f = format.get();
        TranscriptExport export = t.transcripts();
        outcome.set("");
        request.run("Exporting " + subject.label(), progress -> {
            if (subject.person()) {
                TranscriptExport.FolderResult r = export.toFolder(subject.uuid(), f, z, target, p -> report(progress, p), progress::stopRequested);
                return "Exported " + r.conversations().size() + " conversations (" + r.messages() + " messages) to " + target;
            }
            long n = export.toFile(subject.uuid(), f, z, target, p -> report(progress, p), progress::stopRequested);
            return "Exported " + n + " messages to " + target;
        }, done -> {
            outcome.set(done);
            main.finished(WorkDone.wrote(target, "Export written", done));
        });
        return true;
    }

    private static void report(BackgroundWork.JobProgress progress, ExportProgress p) {
        if (p.conversations() > 1) {
            progress.update(p.conversationsDone(), p.conversations());
        }
        progress.message(String.format(Locale.ROOT, "%,d messages written", p.messages())
                + (p.conversations() > 1 ? " · " + p.conversationsDone() + " of " + p.conversations() + " conversations" : ""));
    }

    /** Stops the export; the partial file (or folder contents) is removed by the service. */
    public void cancel() {
        if (request.isLoading()) {
            request.stop();
            outcome.set("Cancelled: nothing was written");
        }
    }

    public ObjectProperty<TranscriptFormat> formatProperty() {
        return format;
    }

    public StringProperty zoneProperty() {
        return zone;
    }

    public StringProperty outcomeProperty() {
        return outcome;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return request.loadingProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return request.progressProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return request.messageProperty();
    }
}
