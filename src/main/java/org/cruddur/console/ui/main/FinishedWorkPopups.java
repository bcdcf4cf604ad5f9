package org.cruddur.console.ui.main;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;
import org.cruddur.console.ui.background.WorkDone;

/**
 * Pops up finished background work (seed, full scan, export, repair) in the window's corner with ControlsFX
 * {@link Notifications}, each with its way to the result: the pane that shows it, or the file it wrote.
 */
final class FinishedWorkPopups {

    /** Long enough to be seen by someone who looked away for a moment; the close button ends it sooner. */
    static final Duration SHOWN_FOR = Duration.seconds(20);

    private final Supplier<Window> owner;
    private final Consumer<WorkDone.Place> showPlace;
    private final DesktopFiles files;
    /** The newest announcement: the popups are for the mouse, Console › Open the newest result is its keyboard way. */
    private final javafx.beans.property.ObjectProperty<WorkDone> newest = new javafx.beans.property.SimpleObjectProperty<>();

    FinishedWorkPopups(Supplier<Window> owner, Consumer<WorkDone.Place> showPlace, DesktopFiles files) {
        this.owner = owner;
        this.showPlace = showPlace;
        this.files = files;
    }

    /** Shows every announcement added to {@code finished} from now on. */
    void follow(javafx.collections.ObservableList<WorkDone> finished) {
        finished.addListener((ListChangeListener<WorkDone>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::show);
            }
        });
    }

    javafx.beans.property.ReadOnlyObjectProperty<WorkDone> newestProperty() {
        return newest;
    }

    /**
     * Does by keyboard what the newest popup's first button does (opens the written file, else shows the pane with the
     * result) and closes that work's popup.
     */
    void followNewest() {
        WorkDone done = newest.get();
        if (done == null) {
            return;
        }
        List<Action> actions = actions(done);
        workDonePopups().stream().filter(w -> done.equals(w.getProperties().get(WorkDone.class))).forEach(Window::hide);
        if (!actions.isEmpty()) {
            actions.get(0).handle(new javafx.event.ActionEvent());
        }
    }

    void show(WorkDone done) {
        newest.set(done);
        Window window = owner.get();
        if (window == null || !window.isShowing()) {
            return; // no window to show it in (closing): the pane still shows the result
        }
        Notifications.create()
                .owner(window)
                .position(Pos.BOTTOM_RIGHT)
                .title(done.title())
                .text(done.text())
                .hideAfter(SHOWN_FOR)
                .styleClass("work-done")
                .action(actions(done).toArray(Action[]::new))
                .show();
        leaveTheKeysToTheWindow(done);
    }

    /**
     * A popup's first button takes its scene's focus, and the window hands every key pressed to its popups first, where
     * ControlsFX's bar consumes them all: while a popup showed, the window's keyboard (shortcuts, Backspace, arrows) would
     * be dead. So the popups keep their scene's focus on their root, which lets the keys through; they are for the mouse.
     */
    private static void leaveTheKeysToTheWindow(WorkDone done) {
        for (Window w : workDonePopups()) {
            if (w.getProperties().containsKey(FinishedWorkPopups.class)) {
                continue; // already done when it showed
            }
            w.getProperties().put(FinishedWorkPopups.class, Boolean.TRUE);
            w.getProperties().put(WorkDone.class, done); // the work this popup tells of, for followNewest()
            Scene scene = w.getScene();
            scene.getRoot().lookupAll(".button").forEach(b -> b.setFocusTraversable(false));
            scene.focusOwnerProperty().addListener((obs, was, owner) -> {
                if (owner != null && owner != scene.getRoot()) {
                    Platform.runLater(() -> scene.getRoot().requestFocus());
                }
            });
            scene.getRoot().requestFocus();
        }
    }

    /** The finished-work popups showing now (a copy: hiding one changes the window list). */
    private static List<Window> workDonePopups() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof PopupWindow && w.getScene() != null && w.getScene().getRoot().lookup(".work-done") != null)
                .toList();
    }

    private List<Action> actions(WorkDone done) {
        List<Action> actions = new ArrayList<>();
        if (done.written() != null) {
            actions.add(action("Open", "open-action", () -> files.open(done.written())));
            actions.add(action("Show in folder", "show-in-folder-action", () -> files.showInFolder(done.written())));
        }
        String label = switch (done.place()) {
            case MESSAGES -> "Show conversations";
            case ADMIN -> "Show Admin";
            case HEALTH -> "Show Health";
            case NONE -> null;
        };
        if (label != null) {
            actions.add(action(label, "show-action", () -> showPlace.accept(done.place())));
        }
        return actions;
    }

    /** An action that also closes its popup: it has done its job once the person followed it. */
    private static Action action(String text, String styleClass, Runnable run) {
        Action a = new Action(text, e -> {
            if (e.getSource() instanceof javafx.scene.Node button && button.getScene() != null) {
                button.getScene().getWindow().hide();
            }
            run.run();
        });
        a.getStyleClass().add(styleClass);
        return a;
    }
}
