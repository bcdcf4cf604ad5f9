package org.cruddur.console.ui.export;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.cruddur.console.service.transcripts.TranscriptFormat;

/** Export conversation… / Export person's conversations…: format, zone, target, progress and Cancel. */
public final class ExportDialog {

    private ExportDialog() {
    }

    public static void show(Window owner, ExportViewModel vm, ExportViewModel.Subject subject) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(subject.person() ? "Export person's conversations" : "Export conversation");

        ChoiceBox<TranscriptFormat> format = new ChoiceBox<>();
        format.getItems().setAll(TranscriptFormat.values());
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(TranscriptFormat f) {
                return f == null ? "" : switch (f) {
                    case JSON -> "JSON (.json, times as stored)";
                    case CSV -> "CSV (.csv, RFC 4180, times as stored)";
                    case MD -> "Markdown transcript (.md)";
                    case TXT -> "Plain text transcript (.txt)";
                };
            }

            @Override
            public TranscriptFormat fromString(String s) {
                return null;
            }
        });
        format.valueProperty().bindBidirectional(vm.formatProperty());
        TextField zone = new TextField();
        zone.textProperty().bindBidirectional(vm.zoneProperty());
        TextField target = new TextField();
        target.setPromptText(subject.person() ? "Folder: one file per conversation plus index.json" : "File");
        HBox.setHgrow(target, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setOnAction(e -> {
            File picked;
            if (subject.person()) {
                DirectoryChooser chooser = new DirectoryChooser();
                chooser.setTitle("Folder for the transcripts");
                picked = chooser.showDialog(stage);
            } else {
                FileChooser chooser = new FileChooser();
                chooser.setTitle("Export to");
                chooser.setInitialFileName(subject.suggestedName() + "." + vm.formatProperty().get().extension());
                picked = chooser.showSaveDialog(stage);
            }
            if (picked != null) {
                target.setText(picked.getAbsolutePath());
            }
        });
        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        Label message = new Label();
        message.textProperty().bind(javafx.beans.binding.Bindings.when(vm.runningProperty())
                .then(vm.messageProperty()).otherwise(vm.outcomeProperty()));
        message.setWrapText(true);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(subject.person() ? "Person" : "Conversation"), new Label(subject.label()));
        grid.addRow(1, new Label("Format"), format);
        grid.addRow(2, new Label("Time zone"), zone);
        Label hint = new Label("md and txt show times in this zone; json and csv keep them exactly as stored");
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.add(hint, 1, 3);
        grid.addRow(4, new Label(subject.person() ? "Folder" : "File"), new HBox(6, target, choose));
        GridPane.setHgrow(target.getParent(), Priority.ALWAYS);
        grid.getChildren().forEach(n -> {
            if (n instanceof Label l && GridPane.getColumnIndex(n) != null && GridPane.getColumnIndex(n) == 0) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });

        Button export = new Button("Export");
        export.setDefaultButton(true);
        export.disableProperty().bind(vm.runningProperty());
        export.setOnAction(e -> vm.start(subject, target.getText().isBlank() ? null : Path.of(target.getText().trim())));
        Button cancel = new Button();
        cancel.textProperty().bind(javafx.beans.binding.Bindings.when(vm.runningProperty()).then("Cancel").otherwise("Close"));
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (vm.runningProperty().get()) {
                vm.cancel();
            } else {
                stage.close();
            }
        });
        stage.setOnCloseRequest(e -> vm.cancel());
        HBox buttons = new HBox(8, export, cancel);
        VBox root = new VBox(10, grid, progress, message, buttons);
        root.getStyleClass().add("console-root");
        root.setPadding(new Insets(14));
        root.setPrefWidth(560);
        vm.outcomeProperty().set("");
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.show();
    }
}
