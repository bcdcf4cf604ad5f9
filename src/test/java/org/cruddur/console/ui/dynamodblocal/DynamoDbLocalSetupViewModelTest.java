package org.cruddur.console.ui.dynamodblocal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cruddur.console.service.dynamodblocal.ArtifactChecksums;
import org.cruddur.console.service.dynamodblocal.DynamoDbLocalInstall;
import org.cruddur.console.service.dynamodblocal.EmbeddedDynamoDbLocal;
import org.cruddur.console.testing.FakeMavenRepository;
import org.cruddur.console.ui.ImmediateWork;
import org.cruddur.console.ui.dynamodblocal.DynamoDbLocalSetupViewModel.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-use dialog's logic: license first, nothing installed without consent, install after it. */
class DynamoDbLocalSetupViewModelTest {

    @TempDir
    Path dataDir;

    private FakeMavenRepository mirror() {
        return FakeMavenRepository.serving(Path.of(System.getProperty("cruddur.test.localRepository")));
    }

    @Test
    void showsTheLicenseThenInstallsOnlyAfterConsent() throws Exception {
        try (FakeMavenRepository central = mirror()) {
            DynamoDbLocalSetupViewModel vm = new DynamoDbLocalSetupViewModel(
                    new DynamoDbLocalInstall(dataDir, ArtifactChecksums.bundled(), central.uri(), null), new ImmediateWork());
            vm.fetchLicense();
            assertThat(vm.phaseProperty().get()).isEqualTo(Phase.AWAITING_CONSENT);
            assertThat(vm.licenseTextProperty().get()).startsWith("Amazon DynamoDB Local License Agreement");
            assertThat(EmbeddedDynamoDbLocal.locate(dataDir.resolve("elsewhere"))).isPresent(); // the build's own copy
            assertThat(Files.exists(dataDir.resolve("dynamodb-local/lib"))).isFalse();

            AtomicBoolean installed = new AtomicBoolean();
            vm.accept(() -> installed.set(true));
            assertThat(vm.phaseProperty().get()).as(vm.statusProperty().get()).isEqualTo(Phase.INSTALLED);
            assertThat(installed).isTrue();
            try (var files = Files.list(dataDir.resolve("dynamodb-local/lib"))) {
                assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("DynamoDBLocal") && n.endsWith(".jar"));
            }
        }
    }

    @Test
    void cancellingLeavesNothingInstalled() throws Exception {
        try (FakeMavenRepository central = mirror()) {
            DynamoDbLocalSetupViewModel vm = new DynamoDbLocalSetupViewModel(
                    new DynamoDbLocalInstall(dataDir, ArtifactChecksums.bundled(), central.uri(), null), new ImmediateWork());
            vm.fetchLicense();
            vm.cancel();
            assertThat(vm.phaseProperty().get()).isEqualTo(Phase.CANCELLED);
            assertThat(Files.exists(dataDir.resolve("dynamodb-local/lib"))).isFalse();
        }
    }

    @Test
    void unreachableRepositoryFailsWithOneLine() {
        DynamoDbLocalSetupViewModel vm = new DynamoDbLocalSetupViewModel(
                new DynamoDbLocalInstall(dataDir, ArtifactChecksums.bundled(), java.net.URI.create("http://127.0.0.1:9/maven2/"), null),
                new ImmediateWork());
        vm.fetchLicense();
        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.FAILED);
        assertThat(vm.statusProperty().get()).isNotBlank().doesNotContain("\n");
    }

    /**
     * Issue 9, defect 6: cancelled after the license was fetched but before that reached the FX thread, the dialog
     * stays cancelled and the fetched jar's staging folder is deleted. Real executor, real FX thread: one worker
     * thread, so the cancel lands after the fetch's work ended, every time.
     */
    @Test
    void aCancelRightAfterTheFetchEndedStaysCancelledAndLeavesNothing() throws Exception {
        org.cruddur.console.ui.FxThread.start();
        try (FakeMavenRepository central = mirror();
             org.cruddur.console.ui.background.FxBackgroundWork work = new org.cruddur.console.ui.background.FxBackgroundWork(1)) {
            DynamoDbLocalSetupViewModel vm = org.cruddur.console.ui.FxThread.call(() -> new DynamoDbLocalSetupViewModel(
                    new DynamoDbLocalInstall(dataDir, ArtifactChecksums.bundled(), central.uri(), null), work));
            org.cruddur.console.ui.FxThread.run(() -> {
                vm.fetchLicense();
                java.util.concurrent.CountDownLatch fetched = new java.util.concurrent.CountDownLatch(1);
                work.submit("after the fetch", p -> {
                    fetched.countDown();
                    return null;
                }, r -> { }, f -> { });
                try {
                    assertThat(fetched.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                vm.cancel();
            });
            org.cruddur.console.ui.FxThread.waitUntil(() -> work.runningProperty().get() == 0);
            assertThat(org.cruddur.console.ui.FxThread.call(() -> vm.phaseProperty().get())).isEqualTo(Phase.CANCELLED);
            try (var files = Files.walk(dataDir)) {
                assertThat(files.filter(Files::isRegularFile)).as("left on disk").isEmpty();
            }
        }
    }
}
