package org.cruddur.console.ui.view;

import javafx.scene.Node;
import javafx.scene.Parent;

/** Where the keyboard lands when a pane is brought forward by its shortcut: its first control, in tab order. */
public final class KeyboardFocus {

    private KeyboardFocus() {
    }

    /** Focuses the first visible, enabled, focus-traversable node under {@code pane}; false when there is none. */
    public static boolean moveInto(Node pane) {
        if (pane instanceof Parent p) {
            // a pane shown for the first time has no skins yet (a ScrollPane's content is not among its children)
            p.applyCss();
            p.layout();
        }
        Node first = first(pane);
        if (first == null) {
            return false;
        }
        first.requestFocus();
        return true;
    }

    static Node first(Node n) {
        if (n == null || !n.isVisible() || n.isDisabled()) {
            return null;
        }
        if (n.isFocusTraversable()) {
            return n;
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Node found = first(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
