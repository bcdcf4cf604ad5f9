package org.cruddur.console.ui;

import java.nio.file.Path;
import org.cruddur.console.config.AppDirectories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

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
}
