package org.cruddur.console.ui.keys;

import java.util.List;
import java.util.stream.Stream;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The console's one table of keyboard shortcuts. The window installs the menu accelerators from it (by the menu
 * item's id), the thread and the composer match their keys against it, and Help › Keyboard shortcuts lists it: a key
 * cannot be changed in one place and forgotten in another.
 */
public enum Shortcut {

    MESSAGES(Group.PANES, "showMessages", "Messages pane", key(KeyCode.DIGIT1)),
    ADMIN(Group.PANES, "showAdmin", "Admin pane", key(KeyCode.DIGIT2)),
    OPERATION_LOG(Group.PANES, "showOperationLog", "Operation log", key(KeyCode.DIGIT3)),
    HEALTH(Group.PANES, "showHealth", "Admin › Health", key(KeyCode.DIGIT4)),
    STREAMS(Group.PANES, "showStreams", "Streams pane", key(KeyCode.DIGIT5)),

    SEARCH_PEOPLE(Group.MESSAGES, "focusSearch", "Search people (Enter opens the first match's conversations)", key(KeyCode.K)),
    FIND(Group.MESSAGES, "focusFind", "Find in the open conversation", key(KeyCode.F)),
    PERSON(Group.MESSAGES, "showPerson", "Details of the picked person", key(KeyCode.I)),
    COMPOSER(Group.MESSAGES, "focusComposer", "Write a message", key(KeyCode.M)),
    SEND(Group.MESSAGES, null, "Send the message (in the composer)", key(KeyCode.ENTER)),
    ROW_MENU(Group.MESSAGES, null, "Menu of the selected message or conversation (thread, conversation list)",
            new KeyCodeCombination(KeyCode.F10, KeyCombination.SHIFT_DOWN), new KeyCodeCombination(KeyCode.CONTEXT_MENU)),

    PROFILES(Group.CONSOLE, "openProfiles", "Connection profiles", key(KeyCode.P)),
    REFRESH(Group.CONSOLE, "refresh", "Refresh (reconnect if needed and reload)", new KeyCodeCombination(KeyCode.F5)),
    EXPORT_CONVERSATION(Group.CONSOLE, "exportConversation", "Export the open conversation", key(KeyCode.E)),
    EXPORT_PERSON(Group.CONSOLE, "exportPerson", "Export the person's conversations",
            new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    NEWEST_RESULT(Group.CONSOLE, "followNewestItem",
            "Open the newest finished work's result (the export's file, or the pane that shows it), as its popup offers",
            new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    UNLOCK_WRITES(Group.CONSOLE, "unlockItem", "Unlock writes on a protected profile",
            new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    LOCK_WRITES(Group.CONSOLE, "lockItem", "Lock writes again",
            new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    EXIT(Group.CONSOLE, "exit", "Exit", key(KeyCode.Q)),

    DARK_THEME(Group.VIEW, "darkThemeItem", "Dark theme on or off",
            new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN)),
    TEXT_LARGER(Group.VIEW, "textLarger", "Larger text",
            key(KeyCode.EQUALS), new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            key(KeyCode.PLUS), new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            key(KeyCode.ADD)),
    TEXT_SMALLER(Group.VIEW, "textSmaller", "Smaller text", key(KeyCode.MINUS), key(KeyCode.SUBTRACT)),
    TEXT_ACTUAL(Group.VIEW, "textActual", "Text at its normal size (100 %)", key(KeyCode.DIGIT0), key(KeyCode.NUMPAD0)),
    KEYBOARD_SHORTCUTS(Group.VIEW, "keyboardShortcuts", "This list of keyboard shortcuts", new KeyCodeCombination(KeyCode.F1)),

    // JavaFX's own keys, listed so people find them (the window has them without installing anything)
    MENU_BAR(Group.ANYWHERE, null, "The menu bar (then the arrow keys; Alt with an underlined letter opens a menu)",
            new KeyCodeCombination(KeyCode.F10)),
    DEFAULT_BUTTON(Group.ANYWHERE, null, "The pane's main button (Run check, Seed…) when the focus is not in a field that takes Enter",
            new KeyCodeCombination(KeyCode.ENTER)),
    CANCEL(Group.ANYWHERE, null, "Cancel in a dialog; clears the find field; closes this list", new KeyCodeCombination(KeyCode.ESCAPE)),
    NEXT_CONTROL(Group.ANYWHERE, null, "Next / previous control (also out of the message field; Ctrl+Tab out of other text areas)", new KeyCodeCombination(KeyCode.TAB),
            new KeyCodeCombination(KeyCode.TAB, KeyCombination.SHIFT_DOWN));

    /** How the sheet groups the shortcuts. */
    public enum Group {
        PANES("Panes"), MESSAGES("Messages"), CONSOLE("Console and writes"), VIEW("View and help"), ANYWHERE("Anywhere");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final Group group;
    private final String menuItemId;
    private final String description;
    private final List<KeyCombination> keys;

    Shortcut(Group group, String menuItemId, String description, KeyCombination... keys) {
        this.group = group;
        this.menuItemId = menuItemId;
        this.description = description;
        this.keys = List.of(keys);
    }

    private static KeyCombination key(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    public Group group() {
        return group;
    }

    /** The id of the menu item the key fires, or null for a key a pane (the composer's send) or JavaFX handles itself. */
    public String menuItemId() {
        return menuItemId;
    }

    public String description() {
        return description;
    }

    /** The key the menu shows first; then other keys that do the same (numpad, shifted plus). */
    public KeyCombination primary() {
        return keys.get(0);
    }

    public List<KeyCombination> alternates() {
        return keys.subList(1, keys.size());
    }

    public List<KeyCombination> keys() {
        return keys;
    }

    /** "Ctrl+1", or "Ctrl+= or Ctrl+Shift+= or …" where more than one key does it. */
    public String keyText() {
        return String.join(" or ", keyTexts());
    }

    /** Each key's text once ("Ctrl+=", "Ctrl+Shift+=", …): the sheet shows one a line. */
    public List<String> keyTexts() {
        return keys.stream().map(Shortcut::displayText).distinct().toList();
    }

    /** A key's text as people read it: names the numpad keys, which JavaFX shows like the main ones. */
    public static String displayText(KeyCombination k) {
        // words, not the symbols JavaFX draws (↵, ⇥, ⎋), which screen readers spell oddly
        String text = k.getDisplayText().replace("↵", "Enter").replace("⇥", "Tab").replace("⎋", "Esc");
        if (k instanceof KeyCodeCombination c && (c.getCode() == KeyCode.ADD || c.getCode() == KeyCode.SUBTRACT || c.getCode().isKeypadKey())) {
            return text + " (numpad)";
        }
        return text;
    }

    public boolean matches(KeyEvent e) {
        return keys.stream().anyMatch(k -> k.match(e));
    }

    /** Every key of the table. */
    public static Stream<KeyCombination> allKeys() {
        return Stream.of(values()).flatMap(s -> s.keys.stream());
    }
}
