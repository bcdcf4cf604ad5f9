package org.cruddur.console.ui.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.cruddur.console.service.ConsoleException;
import org.junit.jupiter.api.Test;

/** The console's one-line errors name the console's own way out, not the CLI's. */
class OneLineErrorTest {

    @Test
    void namesTheConsolesRemedyForReadOnlyAndMissingTables() {
        ConsoleException readOnly = new ConsoleException(ConsoleException.Kind.READ_ONLY, "Profile 'prod' is read-only: post refused");
        assertThat(OneLineError.of(new ExecutionException(readOnly)))
                .isEqualTo("Profile 'prod' is read-only: post refused (unlock writes first: Writes › Unlock writes…, Ctrl+Shift+U)");
        ConsoleException missing = new ConsoleException(ConsoleException.Kind.TABLE_MISSING, "Table 't' does not exist at http://x");
        assertThat(OneLineError.of(missing)).isEqualTo("Table 't' does not exist at http://x (load the schema first: Admin › Load schema)")
                .doesNotContain("ddb");
    }

    @Test
    void keepsOtherMessagesToTheirFirstLine() {
        assertThat(OneLineError.of(ConsoleException.validation("Message is empty"))).isEqualTo("Message is empty");
        assertThat(OneLineError.of(new IllegalStateException("first\nsecond"))).isEqualTo("IllegalStateException: first");
    }
}
