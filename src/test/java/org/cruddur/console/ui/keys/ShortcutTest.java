package org.cruddur.console.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

/** The table itself: no key does two things, every entry says what it does and where it lives. */
class ShortcutTest {

    @Test
    void noKeyIsTakenTwice() {
        Set<KeyCombination> seen = new HashSet<>();
        List<KeyCombination> twice = Shortcut.allKeys().filter(k -> !seen.add(k)).toList();
        assertThat(twice).isEmpty();
    }

    @Test
    void everyEntryHasKeysAWordedDescriptionAndAMenuItemOrAPaneThatHandlesIt() {
        for (Shortcut s : Shortcut.values()) {
            assertThat(s.keys()).as(s.name()).isNotEmpty();
            assertThat(s.description()).as(s.name()).isNotBlank();
            assertThat(s.keyText()).as(s.name()).isNotBlank();
        }
        // only these are handled by their panes or by JavaFX rather than by a menu item
        assertThat(List.of(Shortcut.values()).stream().filter(s -> s.menuItemId() == null))
                .containsExactlyInAnyOrder(Shortcut.SEND, Shortcut.ROW_MENU, Shortcut.MENU_BAR, Shortcut.DEFAULT_BUTTON,
                        Shortcut.CANCEL, Shortcut.NEXT_CONTROL);
    }

    @Test
    void textSizeHasTheKeysPeopleTryForPlusAndMinus() {
        assertThat(Shortcut.TEXT_LARGER.keys()).contains(KeyCombination.valueOf("Shortcut+Equals"),
                KeyCombination.valueOf("Shortcut+Shift+Equals"), KeyCombination.valueOf("Shortcut+Add"));
        assertThat(Shortcut.TEXT_SMALLER.keys()).contains(KeyCombination.valueOf("Shortcut+Minus"), KeyCombination.valueOf("Shortcut+Subtract"));
        assertThat(Shortcut.TEXT_ACTUAL.keys()).contains(KeyCombination.valueOf("Shortcut+0"));
        assertThat(Shortcut.TEXT_LARGER.keyText()).contains("(numpad)");
    }
}
