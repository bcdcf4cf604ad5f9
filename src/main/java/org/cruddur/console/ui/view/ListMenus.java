package org.cruddur.console.ui.view;

import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * Opens a list row's context menu from the keyboard. Glass on Linux sends no context-menu request for the menu key or
 * Shift+F10, so a list whose rows carry menus calls this from its key filter.
 */
public final class ListMenus {

    private ListMenus() {
    }

    /** Shows the selected row's context menu over the row; false when it has none (nothing selected, no menu). */
    public static boolean showAtSelectedCell(ListView<?> list) {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i < 0) {
            return false;
        }
        ListCell<?> cell = list.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && c.getIndex() == i && c.isVisible())
                .map(n -> (ListCell<?>) n).findFirst().orElse(null);
        if (cell == null || cell.getContextMenu() == null) {
            return false;
        }
        ContextMenu menu = cell.getContextMenu();
        Bounds b = cell.localToScreen(cell.getBoundsInLocal());
        menu.show(cell, b.getMinX() + 24, b.getMinY() + b.getHeight() / 2);
        return true;
    }
}
