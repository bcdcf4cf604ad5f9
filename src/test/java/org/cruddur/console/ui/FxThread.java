package org.cruddur.console.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real JavaFX thread (headless Monocle) for view-model tests that need the real asynchronous executor: state is
 * read and changed on the FX thread, as in the console, and tests wait for conditions, never for a time.
 */
public final class FxThread {

    /** Generous: a failing condition fails the test after this, a passing one returns as soon as it holds. */
    static final int WAIT_SECONDS = 60;

    private FxThread() {
    }

    public static void start() {
        try {
            FxToolkit.registerPrimaryStage();
        } catch (Exception e) {
            throw new IllegalStateException("JavaFX did not start", e);
        }
    }

    public static <T> T call(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    /** Waits until {@code condition}, checked on the FX thread, holds. */
    public static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> call(condition));
        } catch (Exception e) {
            throw new AssertionError("condition not met in " + WAIT_SECONDS + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
