package org.cruddur.console.ui.view;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;

/** Calls back when a list is scrolled to its top or bottom edge: how paged lists learn to read more. */
public final class ListScrolling {

    private ListScrolling() {
    }

    public static void onEdges(ListView<?> list, Runnable atTop, Runnable atBottom) {
        list.skinProperty().addListener((obs, was, skin) -> {
            if (skin != null) {
                javafx.application.Platform.runLater(() -> attach(list, atTop, atBottom));
            }
        });
    }

    private static void attach(ListView<?> list, Runnable atTop, Runnable atBottom) {
        for (Node node : list.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                bar.valueProperty().addListener((obs, was, value) -> {
                    if (value.doubleValue() <= bar.getMin() && was.doubleValue() > bar.getMin() && atTop != null) {
                        atTop.run();
                    }
                    if (value.doubleValue() >= bar.getMax() && was.doubleValue() < bar.getMax() && atBottom != null) {
                        atBottom.run();
                    }
                });
                return;
            }
        }
    }
}
