package org.cruddur.console.service.dynamodblocal;

import org.cruddur.console.service.ConsoleException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.cruddur.console.service.dynamodblocal.ArtifactChecksums.Artifact;
import org.cruddur.console.service.dynamodblocal.DynamoDbLocalInstall.LicensedDownload;
import org.cruddur.console.testing.FakeMavenRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing DynamoDB Local: from a fake Maven Central on loopback (small made-up artifacts, so it is fast), from a
 * folder, from a local Maven repository, and once with the real pinned files served from the local repository.
 */
class DynamoDbLocalInstallTest {

    static final String JAR = "software/amazon/dynamodb/DynamoDBLocal/3.1.0/DynamoDBLocal-3.1.0.jar";
    static final String DEP = "com/example/dep-one/1.0/dep-one-1.0.jar";
    static final String NATIVE = "com/almworks/sqlite4java/libsqlite4java-linux-amd64/1.0.392/libsqlite4java-linux-amd64-1.0.392.so";
    static final String LICENSE = "Amazon DynamoDB Local License Agreement (test copy)\nsecond line\n";

    @TempDir
    Path temp;
    Path repo;
    Path dataDir;
    ArtifactChecksums pinned;
    FakeMavenRepository central;

    @BeforeEach
    void setUp() throws IOException {
        repo = temp.resolve("repo");
        dataDir = temp.resolve("data");
        pinned = writeRepository(repo);
        central = FakeMavenRepository.serving(repo);
    }

    @AfterEach
    void tearDown() {
        central.close();
    }

    DynamoDbLocalInstall install(ArtifactChecksums artifacts) {
        return new DynamoDbLocalInstall(dataDir, artifacts, central.uri(), temp.resolve("no-local-maven-repository"));
    }

    @Test
    void showsTheLicenseBeforeInstallingThenInstallsTheVerifiedFilesAtomically() throws IOException {
        DynamoDbLocalInstall install = install(pinned);
        List<long[]> progress = new ArrayList<>();
        try (LicensedDownload pending = install.startDownload((step, done, total) -> progress.add(new long[] {done, total}), () -> false)) {
            assertThat(pending.licenseText()).isEqualTo(LICENSE);
            assertThat(pending.licenseSource()).isEqualTo(central.uri().resolve(JAR));
            assertThat(central.requests()).as("only the licensed jar (and its .sha1) before consent").containsExactly(JAR, JAR + ".sha1");
            assertThat(install.installDir()).doesNotExist();

            Path dir = pending.install((step, done, total) -> progress.add(new long[] {done, total}), () -> false);

            assertThat(dir).isEqualTo(dataDir.resolve("dynamodb-local/lib"));
        }
        assertThat(fileNames(install.installDir())).containsExactlyInAnyOrder("DynamoDBLocal-3.1.0.jar", "dep-one-1.0.jar",
                "libsqlite4java-linux-amd64-1.0.392.so", DynamoDbLocalInstall.LICENSE_COPY);
        for (Artifact a : pinned.artifacts()) {
            assertThat(install.installDir().resolve(a.fileName())).hasSameBinaryContentAs(repo.resolve(a.path()));
        }
        assertThat(install.installDir().resolve(DynamoDbLocalInstall.LICENSE_COPY)).hasContent(LICENSE);
        assertThat(install.isInstalled()).isTrue();
        assertThat(progress.get(progress.size() - 1)).containsExactly(pinned.totalSize(), pinned.totalSize());
        assertThat(fileNames(dataDir)).as("no staging folder left behind").containsExactly("dynamodb-local");
    }

    @Test
    void aTamperedFileIsRejectedAndNothingIsHalfInstalled() throws IOException {
        central.replaceFile(DEP, "not the pinned bytes".getBytes(StandardCharsets.UTF_8));
        DynamoDbLocalInstall install = install(pinned);
        try (LicensedDownload pending = install.startDownload(DynamoDbLocalInstall.Progress.none(), () -> false)) {
            assertThatThrownBy(() -> pending.install(DynamoDbLocalInstall.Progress.none(), () -> false))
                    .isInstanceOf(ConsoleException.class)
                    .hasMessageStartingWith("Checksum mismatch for dep-one-1.0.jar (SHA-256 expected ")
                    .hasMessageEndingWith("nothing was installed");
        }
        assertThat(install.installDir()).doesNotExist();
        assertThat(regularFiles(dataDir)).isEmpty();
    }

    @Test
    void aFailedReinstallKeepsThePreviousCopy() throws IOException {
        DynamoDbLocalInstall install = install(pinned);
        try (LicensedDownload pending = install.startDownload(DynamoDbLocalInstall.Progress.none(), () -> false)) {
            pending.install(DynamoDbLocalInstall.Progress.none(), () -> false);
        }
        Files.writeString(install.installDir().resolve("marker.txt"), "the previous copy");
        central.replaceFile(NATIVE, new byte[10]);
        try (LicensedDownload pending = install.startDownload(DynamoDbLocalInstall.Progress.none(), () -> false)) {
            assertThatThrownBy(() -> pending.install(DynamoDbLocalInstall.Progress.none(), () -> false))
                    .hasMessageContaining("Checksum mismatch for libsqlite4java-linux-amd64-1.0.392.so");
        }
        assertThat(install.installDir().resolve("marker.txt")).hasContent("the previous copy");
        assertThat(fileNames(dataDir)).containsExactly("dynamodb-local");
    }

    @Test
    void aRepositoryWhoseSha1DisagreesIsRejected() {
        central.replaceSha1(DEP, "0123456789abcdef0123456789abcdef01234567");
        DynamoDbLocalInstall install = install(pinned);
        try (LicensedDownload pending = install.startDownload(DynamoDbLocalInstall.Progress.none(), () -> false)) {
            assertThatThrownBy(() -> pending.install(DynamoDbLocalInstall.Progress.none(), () -> false))
                    .hasMessageStartingWith("Checksum mismatch for dep-one-1.0.jar (SHA-1 expected 0123456789abcdef…");
        }
        assertThat(install.installDir()).doesNotExist();
    }

    @Test
    void anUnpinnedFileIsAcceptedOnlyAgainstThePublishedSha1() {
        List<Artifact> withoutPin = pinned.artifacts().stream()
                .map(a -> a.path().equals(DEP) ? new Artifact(a.path(), a.size(), null) : a)
                .toList();
        DynamoDbLocalInstall install = install(new ArtifactChecksums(withoutPin));

        central.publishSha1(false);
        try (LicensedDownload pending = install.startDownload(DynamoDbLocalInstall.Progress.none(), () -> false)) {
            assertThatThrownBy(() -> pending.install(DynamoDbLocalInstall.Progress.none(), () -> false))
                    .hasMessageStartingWith("No checksum to verify dep-one-1.0.jar against");
        }
        assertThat(install.installDir()).doesNotExist();

        central.publishSha1(true);
        try (LicensedDownload pending = install.startDownload(DynamoDbLocalInstall.Progress.none(), () -> false)) {
            pending.install(DynamoDbLocalInstall.Progress.none(), () -> false);
        }
        assertThat(install.installDir().resolve("dep-one-1.0.jar")).hasSameBinaryContentAs(repo.resolve(DEP));
    }

    @Test
    void anUnreachableRepositoryGivesOneLineAndWritesNothing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DynamoDbLocalInstall install = new DynamoDbLocalInstall(dataDir, pinned, URI.create("http://127.0.0.1:" + closedPort + "/maven2/"), null);

        assertThatThrownBy(() -> install.startDownload(DynamoDbLocalInstall.Progress.none(), () -> false))
                .isInstanceOfSatisfying(ConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ConsoleException.Kind.UNREACHABLE);
                    assertThat(e.getMessage()).doesNotContain("\n")
                            .startsWith("Cannot reach http://127.0.0.1:" + closedPort + " (cannot fetch DynamoDBLocal-3.1.0.jar: ")
                            .endsWith("check the network, or install DynamoDB Local from a folder that holds it");
                });
        assertThat(regularFiles(dataDir)).isEmpty();
    }

    @Test
    void aMissingFileOnTheServerIsNamed() throws IOException {
        Files.delete(repo.resolve(DEP));
        DynamoDbLocalInstall install = install(pinned);
        try (LicensedDownload pending = install.startDownload(DynamoDbLocalInstall.Progress.none(), () -> false)) {
            assertThatThrownBy(() -> pending.install(DynamoDbLocalInstall.Progress.none(), () -> false))
                    .hasMessage("http://127.0.0.1:" + central.uri().getPort() + " answered HTTP 404 for " + DEP + "; nothing was installed");
        }
        assertThat(install.installDir()).doesNotExist();
    }

    @Test
    void decliningTheLicenseWritesNothing() throws IOException {
        DynamoDbLocalInstall install = install(pinned);
        try (LicensedDownload pending = install.startDownload(DynamoDbLocalInstall.Progress.none(), () -> false)) {
            assertThat(pending.licenseText()).startsWith("Amazon DynamoDB Local License Agreement");
        } // closed without install(): the user declined
        assertThat(regularFiles(dataDir)).isEmpty();
        assertThat(install.installDir()).doesNotExist();
        assertThat(central.requests()).doesNotContain(DEP, NATIVE);
    }

    @Test
    void cancellingStopsTheDownloadAndInstallsNothing() throws IOException {
        DynamoDbLocalInstall install = install(pinned);
        AtomicBoolean cancel = new AtomicBoolean();
        try (LicensedDownload pending = install.startDownload(DynamoDbLocalInstall.Progress.none(), () -> false)) {
            assertThatThrownBy(() -> pending.install((step, done, total) -> cancel.set(step.contains("dep-one")), cancel::get))
                    .isInstanceOfSatisfying(ConsoleException.class, e -> assertThat(e.kind()).isEqualTo(ConsoleException.Kind.CANCELLED));
        }
        assertThat(regularFiles(dataDir)).isEmpty();
    }

    @Test
    void installsFromAFolderTheUserHas() throws IOException {
        // AWS's own zip: DynamoDBLocal.jar beside a DynamoDBLocal_lib folder of dependencies
        Path folder = temp.resolve("dynamodb_local_latest");
        Files.createDirectories(folder.resolve("DynamoDBLocal_lib"));
        Files.copy(repo.resolve(JAR), folder.resolve("DynamoDBLocal.jar"));
        Files.copy(repo.resolve(DEP), folder.resolve("DynamoDBLocal_lib/dep-one-1.0.jar"));
        DynamoDbLocalInstall install = install(pinned);

        Path dir = install.installFrom(folder, DynamoDbLocalInstall.Progress.none(), () -> false);

        assertThat(dir.resolve("DynamoDBLocal.jar")).hasSameBinaryContentAs(folder.resolve("DynamoDBLocal.jar"));
        assertThat(dir.resolve("DynamoDBLocal_lib/dep-one-1.0.jar")).hasSameBinaryContentAs(repo.resolve(DEP));
        assertThat(dir.resolve(DynamoDbLocalInstall.LICENSE_COPY)).hasContent(LICENSE);
        assertThat(EmbeddedDynamoDbLocal.locate(dataDir)).isPresent();
        assertThat(central.requests()).as("no download").isEmpty();
    }

    @Test
    void aFolderWithoutDynamoDbLocalOrWithADamagedFileIsRefused() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        DynamoDbLocalInstall install = install(pinned);
        assertThatThrownBy(() -> install.installFrom(empty, DynamoDbLocalInstall.Progress.none(), () -> false))
                .isInstanceOfSatisfying(ConsoleException.class, e -> assertThat(e.kind()).isEqualTo(ConsoleException.Kind.VALIDATION))
                .hasMessageContaining("holds no DynamoDBLocal*.jar");

        Path damaged = Files.createDirectories(temp.resolve("damaged"));
        Files.copy(repo.resolve(JAR), damaged.resolve("DynamoDBLocal-3.1.0.jar"));
        Files.write(damaged.resolve("dep-one-1.0.jar"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> install.installFrom(damaged, DynamoDbLocalInstall.Progress.none(), () -> false))
                .hasMessageStartingWith("Checksum mismatch for dep-one-1.0.jar");
        assertThat(regularFiles(dataDir)).isEmpty();
    }

    @Test
    void installsFromTheLocalMavenRepositoryWhenItHoldsEveryFile() throws IOException {
        DynamoDbLocalInstall install = new DynamoDbLocalInstall(dataDir, pinned, central.uri(), repo);
        assertThat(install.localMavenCopy()).contains(repo);

        Path dir = install.installFromMavenRepository(install.localMavenCopy().orElseThrow(), DynamoDbLocalInstall.Progress.none(), () -> false);

        assertThat(fileNames(dir)).contains("DynamoDBLocal-3.1.0.jar", "dep-one-1.0.jar", "libsqlite4java-linux-amd64-1.0.392.so");
        assertThat(central.requests()).isEmpty();

        Files.delete(repo.resolve(NATIVE));
        assertThat(install.localMavenCopy()).as("an incomplete repository is no copy").isEmpty();
        assertThatThrownBy(() -> install.installFrom(repo, DynamoDbLocalInstall.Progress.none(), () -> false))
                .hasMessageContaining("does not hold every file of software.amazon.dynamodb:DynamoDBLocal:3.1.0");
    }

    @Test
    void aLocalMavenRepositoryWithADamagedFileIsRefused() throws IOException {
        Files.write(repo.resolve(DEP), new byte[(int) Files.size(repo.resolve(DEP))]); // same size, other bytes
        DynamoDbLocalInstall install = new DynamoDbLocalInstall(dataDir, pinned, central.uri(), repo);
        assertThatThrownBy(() -> install.installFromMavenRepository(repo, DynamoDbLocalInstall.Progress.none(), () -> false))
                .hasMessageStartingWith("Checksum mismatch for dep-one-1.0.jar");
        assertThat(regularFiles(dataDir)).isEmpty();
    }

    /** Issue 9, defect 9: a sidecar that cannot be read is an install failure in one line, like every other. */
    @Test
    void anUnreadableSha1SidecarIsAConsoleErrorNotAnUncheckedIoException() throws IOException {
        Files.write(repo.resolve(DEP + ".sha1"), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3}); // not UTF-8
        DynamoDbLocalInstall install = new DynamoDbLocalInstall(dataDir, pinned, central.uri(), repo);
        assertThatThrownBy(() -> install.installFromMavenRepository(repo, DynamoDbLocalInstall.Progress.none(), () -> false))
                .isInstanceOf(ConsoleException.class)
                .hasMessageContaining("dep-one-1.0.jar.sha1");
        assertThat(regularFiles(dataDir)).isEmpty();
    }

    /** The list built into the console is the classpath the tests run DynamoDB Local with, and installs byte for byte. */
    @Test
    void theBundledListIsTheTestedClasspathAndInstallsFromARepository() throws IOException {
        ArtifactChecksums bundled = ArtifactChecksums.bundled();
        Path tested = Path.of(System.getProperty(EmbeddedDynamoDbLocal.DIR_PROPERTY));
        assertThat(bundled.artifacts()).extracting(Artifact::fileName).containsExactlyInAnyOrderElementsOf(fileNames(tested));
        assertThat(bundled.artifacts()).allMatch(Artifact::pinned);
        assertThat(bundled.dynamoDbLocalJar().path()).isEqualTo(JAR);

        Path localRepository = Path.of(System.getProperty("cruddur.test.localRepository"));
        try (FakeMavenRepository mirror = FakeMavenRepository.serving(localRepository)) {
            DynamoDbLocalInstall install = new DynamoDbLocalInstall(dataDir, bundled, mirror.uri(), null);
            assertThat(install.coordinates()).isEqualTo("software.amazon.dynamodb:DynamoDBLocal:3.1.0");
            try (LicensedDownload pending = install.startDownload(DynamoDbLocalInstall.Progress.none(), () -> false)) {
                assertThat(pending.licenseText()).startsWith("Amazon DynamoDB Local License Agreement");
                pending.install(DynamoDbLocalInstall.Progress.none(), () -> false);
            }
            for (Artifact a : bundled.artifacts()) {
                assertThat(ArtifactChecksums.sha256(install.installDir().resolve(a.fileName())))
                        .isEqualTo(ArtifactChecksums.sha256(tested.resolve(a.fileName())));
            }
        }
    }

    @Test
    void theListFormatRoundTrips() {
        assertThat(ArtifactChecksums.parse(pinned.format())).isEqualTo(pinned);
        assertThat(ArtifactChecksums.parse(List.of("# comment", "- 12 a/b/1/b-1.jar")).artifacts())
                .containsExactly(new Artifact("a/b/1/b-1.jar", 12, null));
        assertThatThrownBy(() -> new Artifact("../etc/passwd", 1, null)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- a small made-up repository: DynamoDB Local's jar with a license, one dependency, one native library

    static ArtifactChecksums writeRepository(Path repo) throws IOException {
        Path jar = repo.resolve(JAR);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("LICENSE.txt"));
            zip.write(LICENSE.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("software/amazon/dynamodb/services/local/main/ServerRunner.class"));
            zip.write(randomBytes(40_000, 1));
            zip.closeEntry();
        }
        write(repo.resolve(DEP), randomBytes(300_000, 2));
        write(repo.resolve(NATIVE), randomBytes(200_000, 3));
        List<Artifact> artifacts = new ArrayList<>();
        for (String path : List.of(JAR, DEP, NATIVE)) {
            artifacts.add(new Artifact(path, Files.size(repo.resolve(path)), ArtifactChecksums.sha256(repo.resolve(path))));
        }
        return new ArtifactChecksums(artifacts);
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static Set<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    static List<Path> regularFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
