package org.cruddur.console.ui;

import java.nio.file.Path;
import javafx.application.Platform;
import org.cruddur.console.config.AppDirectories;
import org.cruddur.console.ui.background.FxBackgroundWork;
import org.cruddur.console.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's view models as the app runs them: built on the real FX thread, their work on the real executor (three
 * workers), on the DynamoDB Local running in the test JVM, with small inbox pages (5) to see paging on little data.
 */
public abstract class FxConsoleModelTest {

    @TempDir
    protected Path home;
    protected LocalDynamo dynamo;
    protected FxBackgroundWork work;
    protected ConsoleModel model;

    @BeforeAll
    protected static void toolkit() {
        FxThread.start();
    }

    @BeforeEach
    protected void setUpModel() {
        dynamo = LocalDynamo.shared();
        work = new FxBackgroundWork(3);
        AppDirectories dirs = new AppDirectories(home.resolve("config"), home.resolve("data"));
        model = FxThread.call(() -> new ConsoleModel(dirs, work, MainViewModel.defaultOpener(), Platform::runLater, 5));
    }

    /** Runs after a subclass's own @AfterEach (JUnit's order), so a subclass can stop its pane first. */
    @AfterEach
    protected void closeModel() {
        FxThread.run(() -> model.main().close());
        work.close();
    }
}
