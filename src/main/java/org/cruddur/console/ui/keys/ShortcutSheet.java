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
        // one grid for all groups, so the keys line up down the whole sheet; descriptions wrap
        GridPane rows = new GridPane();
        rows.setHgap(18);
        rows.setVgap(4);
        rows.setPadding(new Insets(12));
        rows.getStyleClass().add("shortcut-sheet");
        ColumnConstraints keyColumn = new ColumnConstraints();
        keyColumn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints whatColumn = new ColumnConstraints();
        whatColumn.setMinWidth(0);
        whatColumn.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        whatColumn.setFillWidth(true);
        rows.getColumnConstraints().addAll(keyColumn, whatColumn);
        int row = 0;
        for (Shortcut.Group group : Shortcut.Group.values()) {
            Label heading = new Label(group.title());
            heading.getStyleClass().add("shortcut-group");
            heading.setAccessibleRole(AccessibleRole.TEXT);
            if (row > 0) {
                heading.setPadding(new Insets(10, 0, 0, 0));
            }
            rows.add(heading, 0, row++, 2, 1);
            for (Shortcut s : Shortcut.values()) {
                if (s.group() != group) {
                    continue;
                }
                Label keys = new Label(String.join("\n", s.keyTexts()));
                keys.getStyleClass().add("shortcut-keys");
                keys.setId("keys-" + s.name());
                keys.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label what = new Label(s.description());
                what.setWrapText(true);
                what.setMinWidth(0);
                what.setMaxWidth(Double.MAX_VALUE);
                what.getStyleClass().add("shortcut-description");
                // read as one line: "Ctrl+K: Search people"
                keys.setAccessibleText(s.keyText() + ": " + s.description());
                what.setAccessibleText(s.description() + ", " + s.keyText());
                GridPane.setValignment(keys, javafx.geometry.VPos.TOP);
                GridPane.setValignment(what, javafx.geometry.VPos.TOP);
                rows.addRow(row++, keys, what);
            }
        }
        return rows;
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
        double em = org.cruddur.console.ui.view.TextSize.shownProperty().get().px();
        // at large text sizes 50 em is taller than the screen: the sheet then fits the screen and scrolls
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(52 * em, screen.getWidth() * 0.9), Math.min(50 * em, screen.getHeight() * 0.9));
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
        // the list takes the keyboard, so the arrow and page keys scroll it; Tab reaches Close, Escape closes
        scroll.setFocusTraversable(true);
        scroll.requestFocus();
        return stage;
    }
}
