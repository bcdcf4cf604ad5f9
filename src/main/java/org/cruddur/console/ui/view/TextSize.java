package org.cruddur.console.ui.view;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TableColumnBase;

/**
 * The console's text size as a percentage of the normal 13 px, in steps from 80 to 200 %. The window's root carries
 * the font size; every size in the stylesheets is in em, so all text (and what is sized by it) follows.
 */
public record TextSize(int percent) {

    public static final double NORMAL_PX = 13;
    public static final List<Integer> STEPS = List.of(80, 90, 100, 110, 125, 150, 175, 200);
    public static final TextSize NORMAL = new TextSize(100);

    /**
     * The size the console shows text at now (the window sets it). What CSS cannot size in em (table columns, sized in
     * code) follows it through {@link #followWidth}.
     */
    private static final ObjectProperty<TextSize> SHOWN = new SimpleObjectProperty<>(NORMAL);
    private static boolean followingWindows;

    public static ObjectProperty<TextSize> shownProperty() {
        return SHOWN;
    }

    /**
     * Gives {@code column} its width for the shown text size ({@code normalWidth} at 100 %), now and when the size
     * changes. Set, not bound, so a person can still drag the column wider.
     */
    public static void followWidth(TableColumnBase<?, ?> column, double normalWidth) {
        column.setPrefWidth(normalWidth * SHOWN.get().percent() / 100.0);
        SHOWN.addListener(new javafx.beans.value.WeakChangeListener<>(widthFollower(column, normalWidth)));
    }

    /** The least width of {@code column} for the shown text size ({@code normalWidth} at 100 %): a header stays whole. */
    public static void followMinWidth(TableColumnBase<?, ?> column, double normalWidth) {
        javafx.beans.value.ChangeListener<TextSize> follower = (obs, was, now) -> column.setMinWidth(normalWidth * now.percent() / 100.0);
        column.setMinWidth(normalWidth * SHOWN.get().percent() / 100.0);
        column.getProperties().put("TextSize.minWidth", follower);
        SHOWN.addListener(new javafx.beans.value.WeakChangeListener<>(follower));
    }

    /** {@link #followWidth} for every column of a table, their widths as set now being the normal ones. */
    public static void followWidths(javafx.scene.control.TableView<?> table) {
        table.getColumns().forEach(c -> followWidth(c, c.getPrefWidth()));
    }

    private static javafx.beans.value.ChangeListener<TextSize> widthFollower(TableColumnBase<?, ?> column, double normalWidth) {
        javafx.beans.value.ChangeListener<TextSize> follower = (obs, was, now) -> column.setPrefWidth(normalWidth * now.percent() / 100.0);
        // the column holds its listener, so the weak listener lives exactly as long as the column
        column.getProperties().put(TextSize.class, follower);
        return follower;
    }

    public TextSize {
        if (!STEPS.contains(percent)) {
            throw new IllegalArgumentException("text size " + percent + " % is not one of " + STEPS);
        }
    }

    /** A remembered percentage; null or unknown gives the nearest step (100 % for null). */
    public static TextSize of(Integer percent) {
        if (percent == null) {
            return NORMAL;
        }
        int nearest = STEPS.get(0);
        for (int step : STEPS) {
            if (Math.abs(step - percent) < Math.abs(nearest - percent)) {
                nearest = step;
            }
        }
        return new TextSize(nearest);
    }

    public TextSize larger() {
        int i = STEPS.indexOf(percent);
        return i == STEPS.size() - 1 ? this : new TextSize(STEPS.get(i + 1));
    }

    public TextSize smaller() {
        int i = STEPS.indexOf(percent);
        return i == 0 ? this : new TextSize(STEPS.get(i - 1));
    }

    public double px() {
        return NORMAL_PX * percent / 100.0;
    }

    /** The inline style for a window's root node. */
    public String rootStyle() {
        return String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", px());
    }

    /**
     * Makes every window the console opens (dialogs, menus, pop-ups, tooltips) show its text at the shown size too,
     * as the main window does: their roots get the same font size, now and when it changes.
     */
    public static synchronized void followInEveryWindow() {
        if (followingWindows) {
            return; // once per JVM (tests start the console many times)
        }
        followingWindows = true;
        javafx.stage.Window.getWindows().addListener((javafx.collections.ListChangeListener<javafx.stage.Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(TextSize::follow);
            }
        });
        SHOWN.addListener((obs, was, now) -> javafx.stage.Window.getWindows().forEach(TextSize::follow));
    }

    private static void follow(javafx.stage.Window w) {
        if (w.getScene() == null) {
            w.sceneProperty().addListener((obs, was, scene) -> follow(w));
            return;
        }
        javafx.scene.Parent root = w.getScene().getRoot();
        if (root == null || root.styleProperty().isBound()) {
            return; // the main window binds its own
        }
        String style = root.getStyle() == null ? "" : root.getStyle().replaceAll("-fx-font-size:[^;]*;", "").trim();
        root.setStyle((style.isEmpty() ? "" : style + " ") + SHOWN.get().rootStyle());
    }
}
