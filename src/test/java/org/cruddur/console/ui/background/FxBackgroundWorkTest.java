package org.cruddur.console.ui.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cruddur.console.ui.FxThread;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's executor on the real FX thread. */
class FxBackgroundWorkTest {

    @BeforeAll
    static void toolkit() {
        FxThread.start();
    }

    /**
     * Issue 9, defect 6: a job whose work is done but whose outcome has not reached the FX thread yet is stopped;
     * its outcome must never be delivered ({@code Task.cancel} returns false once {@code call()} has ended).
     */
    @Test
    void aJobStoppedAfterItsWorkEndedNeverDeliversItsOutcome() throws Exception {
        List<String> delivered = new CopyOnWriteArrayList<>();
        try (FxBackgroundWork work = new FxBackgroundWork(1)) {
            FxThread.run(() -> {
                RunningJob finished = work.submit("finishes at once", p -> "result", delivered::add, f -> delivered.add("failure " + f));
                // one worker thread: once the second job runs, the first one's call() has returned
                CountDownLatch secondRuns = new CountDownLatch(1);
                work.submit("after it", p -> {
                    secondRuns.countDown();
                    return "second";
                }, r -> { }, f -> { });
                try {
                    assertThat(secondRuns.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                finished.stop(); // on the FX thread, before the outcome's hand-over can run
            });
            FxThread.waitUntil(() -> work.runningProperty().get() == 0);
        }
        assertThat(delivered).isEmpty();
    }
}
