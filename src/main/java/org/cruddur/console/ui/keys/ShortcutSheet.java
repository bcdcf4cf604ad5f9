package org.cruddur.console.ui.keys;

import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.geometry.Pos;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Help › Keyboard shortcuts: the table of {@link Shortcut}s, grouped, in a window of its own (Escape closes it). */
public final class ShortcutSheet {

    private ShortcutSheet() {
    }

    /** The sheet's content: one heading per group, then a row per shortcut (keys, what they do). */
    public static Parent content() {
        VBox groups = new VBox(12);
        groups.setPadding(new Insets(12));
        groups.getStyleClass().add("shortcut-sheet");
        for (Shortcut.Group group : Shortcut.Group.values()) {
            Label heading = new Label(group.title());
            heading.getStyleClass().add("shortcut-group");
            heading.setAccessibleRole(AccessibleRole.TEXT);
            GridPane rows = new GridPane();
            rows.setHgap(18);
            rows.setVgap(4);
            ColumnConstraints keyColumn = new ColumnConstraints();
            keyColumn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            rows.getColumnConstraints().addAll(keyColumn, new ColumnConstraints());
            int row = 0;
            for (Shortcut s : Shortcut.values()) {
                if (s.group() != group) {
                    continue;
                }
                Label keys = new Label(s.keyText());
                keys.getStyleClass().add("shortcut-keys");
                keys.setId("keys-" + s.name());
                Label what = new Label(s.description());
                what.setWrapText(true);
                what.getStyleClass().add("shortcut-description");
                // read as one line: "Ctrl+K: Search people"
                keys.setAccessibleText(s.keyText() + ": " + s.description());
                what.setAccessibleText(s.description() + ", " + s.keyText());
                rows.addRow(row++, keys, what);
            }
            groups.getChildren().addAll(heading, rows);
        }
        return groups;
    }

    /** Shows the sheet over {@code owner}, with the owner's theme and text size. */
    public static Stage show(Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Keyboard shortcuts");
        ScrollPane scroll = new ScrollPane(content());
        scroll.setFitToWidth(true);
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(8, 12, 12, 12));
        VBox root = new VBox(scroll, buttons);
        root.getStyleClass().add("console-root");
        root.setId("shortcutSheet");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        Scene scene = new Scene(root, 620, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            root.setStyle(owner.getScene().getRoot().getStyle()); // the text size
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        stage.show();
        close.requestFocus();
        return stage;
    }
}
