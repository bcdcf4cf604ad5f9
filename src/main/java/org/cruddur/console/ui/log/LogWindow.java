package org.cruddur.console.ui.log;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.cruddur.console.ui.background.BackgroundWork;
import org.cruddur.console.ui.background.LatestRequest;
import org.cruddur.console.ui.background.OneLineError;

/**
 * Console › Show log: the end of the log file (what went wrong, with stack traces), read off the UI thread, with
 * the file's place so it can be attached to a bug report.
 */
public final class LogWindow {

    /** Enough for the last few failures with their stack traces, little enough for a TextArea. */
    static final int TAIL_BYTES = 256 * 1024;

    private LogWindow() {
    }

    public static void show(Stage owner, Path logFile, BackgroundWork work) {
        TextArea text = new TextArea("Reading " + logFile + "…");
        text.setId("logText");
        text.setEditable(false);
        text.getStyleClass().add("monospace");
        Label where = new Label(logFile.toString());
        Button reload = new Button("Reload");
        HBox bar = new HBox(8, where, reload);
        bar.setPadding(new Insets(6));
        BorderPane root = new BorderPane(text, null, null, bar, null);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Console log");
        Scene scene = new Scene(root, 900, 560);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        LatestRequest reading = new LatestRequest(work, failure -> text.setText(OneLineError.of(failure)));
        Runnable read = () -> reading.run("Reading the log", p -> tail(logFile), t -> {
            text.setText(t);
            text.positionCaret(t.length());
        });
        reload.setOnAction(e -> read.run());
        stage.show();
        read.run();
    }

    /** The last {@link #TAIL_BYTES} of the file, from a line start; a note when nothing was logged yet. */
    static String tail(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            return "Nothing logged yet (" + file + ")";
        }
        byte[] all = Files.readAllBytes(file);
        int from = Math.max(0, all.length - TAIL_BYTES);
        String text = new String(all, from, all.length - from, StandardCharsets.UTF_8);
        int firstLine = from == 0 ? 0 : text.indexOf('\n') + 1;
        return text.substring(firstLine);
    }
}
