package org.cruddur.console.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.service.items.MessageGroupRow;
import org.cruddur.console.ui.conversation.ThreadEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the tests of the real console window share: a headless toolkit (Monocle), a fresh config and data folder per
 * test, the DynamoDB Local running in the test JVM, and the window closed after each test.
 */
abstract class ConsoleWindowTest extends FxRobot {

    static final long WAIT_SECONDS = 60;

    @TempDir
    Path home;
    AppDirectories dirs;
    LocalDynamo dynamo;
    ConsoleApp app;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUpWindowTest() {
        dirs = new AppDirectories(home.resolve("config"), home.resolve("data"));
        dynamo = LocalDynamo.shared();
    }

    @AfterEach
    void tearDownWindowTest() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    /** Reads {@code read} on the FX thread. */
    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (up to a minute) until {@code condition} holds on the FX thread, then for the events it queued. */
    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> fx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    ListView<ThreadEntry> messageList() {
        return (ListView<ThreadEntry>) lookup("#messageList").query();
    }

    @SuppressWarnings("unchecked")
    ListView<MessageGroupRow> conversationList() {
        return (ListView<MessageGroupRow>) lookup("#conversationList").query();
    }
}
