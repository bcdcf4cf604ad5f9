package org.cruddur.console.service.dynamodblocal;

import org.cruddur.console.service.ConsoleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.cruddur.console.about.AppVersion;
import org.cruddur.console.service.dynamodblocal.ArtifactChecksums.Artifact;

/**
 * Puts DynamoDB Local where {@link EmbeddedDynamoDbLocal} looks for it ({@code <dataDir>/dynamodb-local/lib}), because
 * the console's packages may not contain it: AWS's license forbids redistributing it. Three sources, none of which
 * ships anything: a folder the user already has, the user's local Maven repository, or, only after the user has read
 * and accepted AWS's license, a download from Maven Central of exactly the files pinned in {@link ArtifactChecksums}.
 *
 * <p>Every install is staged beside the target and moved into place at the end, so a failed, cancelled or refused
 * install leaves nothing half-installed, and a previous install stays as it was until the new one is complete.
 * UI-free: front ends pass a {@link Progress} and a cancel flag and run the long calls on a worker thread.
 */
public final class DynamoDbLocalInstall {

    public static final URI MAVEN_CENTRAL = URI.create("https://repo1.maven.org/maven2/");
    /** A Maven repository to download from instead of Maven Central (a company mirror, or a test server). */
    public static final String REPOSITORY_PROPERTY = "cruddur.mavenRepository";
    public static final String REPOSITORY_VARIABLE = "CRUDDUR_MAVEN_REPOSITORY";
    /** Where AWS's license is kept beside an installed copy, so it can be read again later. */
    public static final String LICENSE_COPY = "DynamoDBLocal-LICENSE.txt";
    static final String LICENSE_ENTRY = "LICENSE.txt";
    private static final int BUFFER = 64 * 1024;

    /** Progress of a long step: {@code done} of {@code total} bytes, and what is happening, e.g. the file's name. */
    @FunctionalInterface
    public interface Progress {
        void update(String step, long done, long total);

        static Progress none() {
            return (step, done, total) -> { };
        }
    }

    private final Path dataDir;
    private final ArtifactChecksums artifacts;
    private final URI repository;
    private final Path localMavenRepository;
    /**
     * Built on the first download, not here: its trust store parses the operating system's CA bundle (~150
     * certificates, 2 s of a cold start on 2 cores), and every embedded start makes one of these only to find the
     * copy already installed.
     */
    private HttpClient http;

    public DynamoDbLocalInstall(Path dataDir, ArtifactChecksums artifacts, URI repository, Path localMavenRepository) {
        this.dataDir = dataDir;
        this.artifacts = artifacts;
        this.repository = repository.toString().endsWith("/") ? repository : URI.create(repository + "/");
        this.localMavenRepository = localMavenRepository;
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(15))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .sslContext(TrustedCertificates.sslContext())
                    .build();
        }
        return http;
    }

    /** The console's own set-up: the pinned list built into it, Maven Central (or the configured mirror), ~/.m2. */
    public static DynamoDbLocalInstall forDataDir(Path dataDir) {
        return new DynamoDbLocalInstall(dataDir, ArtifactChecksums.bundled(), configuredRepository(),
                Path.of(System.getProperty("user.home"), ".m2", "repository"));
    }

    static URI configuredRepository() {
        String property = System.getProperty(REPOSITORY_PROPERTY);
        if (property != null && !property.isBlank()) {
            return URI.create(property.strip());
        }
        String variable = System.getenv(REPOSITORY_VARIABLE);
        return variable != null && !variable.isBlank() ? URI.create(variable.strip()) : MAVEN_CENTRAL;
    }

    /** The folder this class installs into; {@link EmbeddedDynamoDbLocal#locate} looks there. */
    public Path installDir() {
        return dataDir.resolve("dynamodb-local").resolve("lib");
    }

    /** The copy the embedded profile would run now (an env variable, a folder beside the jar, or the install folder). */
    public Optional<Path> locate() {
        return EmbeddedDynamoDbLocal.locate(dataDir);
    }

    public boolean isInstalled() {
        return EmbeddedDynamoDbLocal.holdsDynamoDbLocal(installDir());
    }

    /** e.g. {@code software.amazon.dynamodb:DynamoDBLocal:3.1.0}, from the pinned jar's Maven path. */
    public String coordinates() {
        String[] parts = artifacts.dynamoDbLocalJar().path().split("/");
        String group = String.join(".", List.of(parts).subList(0, parts.length - 3));
        return group + ":" + parts[parts.length - 3] + ":" + parts[parts.length - 2];
    }

    public URI repository() {
        return repository;
    }

    public int fileCount() {
        return artifacts.artifacts().size();
    }

    public long downloadSize() {
        return artifacts.totalSize();
    }

    /**
     * DynamoDB Local for the embedded profile: true when it is installed, or once a complete copy in the user's Maven
     * repository was installed (they have it already, so no consent is asked); false when only a download (which
     * needs the user's consent to AWS's license) or a folder the user names can provide it.
     */
    public boolean ensureAvailable(Consumer<String> status, BooleanSupplier cancelled) {
        if (EmbeddedDynamoDbLocal.locate(dataDir).isPresent()) {
            return true;
        }
        Optional<Path> maven = localMavenCopy();
        if (maven.isEmpty()) {
            return false;
        }
        status.accept("Copying DynamoDB Local from your Maven repository…");
        installFromMavenRepository(maven.get(), Progress.none(), cancelled);
        return true;
    }

    /** The local Maven repository, when it holds every pinned file (sizes checked here, contents on copy). */
    public Optional<Path> localMavenCopy() {
        return holdsEveryArtifact(localMavenRepository) ? Optional.of(localMavenRepository) : Optional.empty();
    }

    private boolean holdsEveryArtifact(Path mavenRepository) {
        if (mavenRepository == null || !Files.isDirectory(mavenRepository)) {
            return false;
        }
        for (Artifact a : artifacts.artifacts()) {
            Path file = mavenRepository.resolve(a.path());
            try {
                if (!Files.isRegularFile(file) || (a.pinned() && Files.size(file) != a.size())) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Installs from a copy the user has: a folder holding {@code DynamoDBLocal*.jar} and its dependencies (copied
     * whole, e.g. AWS's zip with its {@code DynamoDBLocal_lib}), or a Maven repository holding the pinned files.
     */
    public Path installFrom(Path source, Progress progress, BooleanSupplier cancelled) {
        if (EmbeddedDynamoDbLocal.holdsDynamoDbLocal(source)) {
            return installFromFolder(source, progress, cancelled);
        }
        if (Files.isRegularFile(source.resolve(artifacts.dynamoDbLocalJar().path()))) {
            return installFromMavenRepository(source, progress, cancelled);
        }
        throw ConsoleException.validation(source + " holds no DynamoDBLocal*.jar, nor a Maven repository with "
                + coordinates() + ": choose the folder that holds DynamoDBLocal.jar");
    }

    /** Copies the pinned files out of a Maven repository (normally ~/.m2/repository), each checked on the way. */
    public Path installFromMavenRepository(Path mavenRepository, Progress progress, BooleanSupplier cancelled) {
        if (!holdsEveryArtifact(mavenRepository)) {
            throw ConsoleException.validation(mavenRepository + " does not hold every file of " + coordinates());
        }
        try (Staging staging = Staging.create(dataDir)) {
            long[] done = {0};
            for (Artifact a : artifacts.artifacts()) {
                Path from = mavenRepository.resolve(a.path());
                Digests digests = copy(from, staging.lib().resolve(a.fileName()), a.fileName(), done, artifacts.totalSize(), progress, cancelled);
                Path sidecar = mavenRepository.resolve(a.path() + ".sha1");
                verify(a, digests, () -> Files.isRegularFile(sidecar) ? Optional.of(readSha1(Files.readString(sidecar))) : Optional.empty());
            }
            return staging.commit(installDir());
        } catch (IOException e) {
            throw new ConsoleException(ConsoleException.Kind.OTHER, "Cannot copy DynamoDB Local: " + oneLine(e), e);
        }
    }

    private Path installFromFolder(Path folder, Progress progress, BooleanSupplier cancelled) {
        Map<String, Artifact> pinnedByName = artifacts.artifacts().stream()
                .filter(Artifact::pinned)
                .collect(Collectors.toMap(Artifact::fileName, Function.identity(), (a, b) -> a));
        try (Staging staging = Staging.create(dataDir); Stream<Path> walk = Files.walk(folder)) {
            List<Path> files = walk.filter(Files::isRegularFile).toList();
            long total = 0;
            for (Path f : files) {
                total += Files.size(f);
            }
            long[] done = {0};
            for (Path from : files) {
                Path relative = folder.relativize(from);
                Path to = staging.lib().resolve(relative.toString());
                Files.createDirectories(to.getParent());
                Digests digests = copy(from, to, relative.toString(), done, total, progress, cancelled);
                // A file named like a pinned one must be that file: same name and other bytes means a damaged copy.
                Artifact same = pinnedByName.get(from.getFileName().toString());
                if (same != null) {
                    verify(same, digests, Optional::empty);
                }
            }
            return staging.commit(installDir());
        } catch (IOException e) {
            throw new ConsoleException(ConsoleException.Kind.OTHER, "Cannot copy DynamoDB Local from " + folder + ": " + oneLine(e), e);
        }
    }

    /**
     * First step of a download: fetches only DynamoDB Local's own jar (into a staging folder) so its license can be
     * shown. Nothing is installed until {@link LicensedDownload#install} is called after the user accepts; closing
     * the returned object without that (the user declined, or the window closed) deletes what was fetched.
     */
    public LicensedDownload startDownload(Progress progress, BooleanSupplier cancelled) {
        Staging staging = Staging.create(dataDir);
        try {
            Artifact jar = artifacts.dynamoDbLocalJar();
            Path file = staging.lib().resolve(jar.fileName());
            download(jar, file, new long[] {0}, jar.size(), progress, cancelled);
            String license = licenseText(file).orElseThrow(() -> new ConsoleException(ConsoleException.Kind.OTHER,
                    jar.fileName() + " holds no " + LICENSE_ENTRY + ": refusing to install a DynamoDB Local without its license"));
            return new LicensedDownload(staging, license, repository.resolve(jar.path()));
        } catch (RuntimeException e) {
            staging.close();
            throw e;
        }
    }

    /** Fetched DynamoDB Local jar and its license, waiting for the user's decision. */
    public final class LicensedDownload implements AutoCloseable {
        private final Staging staging;
        private final String license;
        private final URI source;

        private LicensedDownload(Staging staging, String license, URI source) {
            this.staging = staging;
            this.license = license;
            this.source = source;
        }

        /** AWS's license (LICENSE.txt inside the jar), to show before asking for consent. */
        public String licenseText() {
            return license;
        }

        /** Where the license's jar came from, to name it when the text cannot be shown whole. */
        public URI licenseSource() {
            return source;
        }

        public String coordinates() {
            return DynamoDbLocalInstall.this.coordinates();
        }

        /** Call only once the user has accepted the license: downloads the rest, verifies, moves it into place. */
        public Path install(Progress progress, BooleanSupplier cancelled) {
            Artifact jar = artifacts.dynamoDbLocalJar();
            long[] done = {jar.size()};
            try {
                for (Artifact a : artifacts.artifacts()) {
                    if (!a.equals(jar)) {
                        download(a, staging.lib().resolve(a.fileName()), done, artifacts.totalSize(), progress, cancelled);
                    }
                }
                return staging.commit(installDir());
            } finally {
                staging.close();
            }
        }

        /** Declines, or cleans up after {@link #install}: removes the staging folder and whatever it holds. */
        @Override
        public void close() {
            staging.close();
        }
    }

    /** AWS's license text inside a DynamoDB Local jar. */
    public static Optional<String> licenseText(Path dynamoDbLocalJar) {
        try (ZipFile zip = new ZipFile(dynamoDbLocalJar.toFile())) {
            ZipEntry entry = zip.getEntry(LICENSE_ENTRY);
            if (entry == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ConsoleException(ConsoleException.Kind.OTHER, "Cannot read " + dynamoDbLocalJar.getFileName() + ": " + oneLine(e), e);
        }
    }

    private void download(Artifact a, Path target, long[] done, long total, Progress progress, BooleanSupplier cancelled) {
        URI uri = repository.resolve(a.path());
        progress.update("Downloading " + a.fileName(), done[0], total);
        HttpResponse<InputStream> response = send(uri, a.fileName());
        if (response.statusCode() != 200) {
            closeQuietly(response.body());
            throw new ConsoleException(ConsoleException.Kind.OTHER,
                    host() + " answered HTTP " + response.statusCode() + " for " + a.path() + "; nothing was installed");
        }
        Digests digests;
        try (InputStream in = response.body()) {
            digests = transfer(in, target, "Downloading " + a.fileName(), done, total, progress, cancelled);
        } catch (IOException e) {
            throw unreachable("the download of " + a.fileName() + " broke off", e);
        }
        verify(a, digests, () -> publishedSha1(a));
    }

    private HttpResponse<InputStream> send(URI uri, String what) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(2))
                .header("User-Agent", "cruddur-console/" + AppVersion.version())
                .GET()
                .build();
        try {
            return http().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable("cannot fetch " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelledException();
        }
    }

    /** The repository's own {@code .sha1} of a file, when it publishes one (Maven Central always does). */
    private Optional<String> publishedSha1(Artifact a) {
        HttpResponse<InputStream> response = send(repository.resolve(a.path() + ".sha1"), a.fileName() + ".sha1");
        try (InputStream in = response.body()) {
            byte[] body = in.readAllBytes();
            return response.statusCode() == 200 ? Optional.of(readSha1(new String(body, StandardCharsets.US_ASCII))) : Optional.empty();
        } catch (IOException e) {
            throw unreachable("cannot fetch " + a.fileName() + ".sha1", e);
        }
    }

    /** A .sha1 file holds the hex digest, sometimes followed by the file name. */
    static String readSha1(String content) {
        String trimmed = content.strip();
        int space = trimmed.indexOf(' ');
        return (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    private interface Sha1Source {
        Optional<String> get() throws IOException;
    }

    private static void verify(Artifact a, Digests digests, Sha1Source published) {
        String sha256 = digests.sha256();
        if (a.pinned() && !a.sha256().equals(sha256)) {
            throw mismatch(a, "SHA-256", a.sha256(), sha256);
        }
        Optional<String> sha1;
        try {
            sha1 = published.get();
        } catch (IOException e) {
            throw new ConsoleException(ConsoleException.Kind.OTHER, "Cannot read the published checksum "
                    + a.fileName() + ".sha1: " + oneLine(e) + "; nothing was installed", e);
        }
        if (sha1.isPresent() && !sha1.get().equals(digests.sha1())) {
            throw mismatch(a, "SHA-1", sha1.get(), digests.sha1());
        }
        if (!a.pinned() && sha1.isEmpty()) {
            throw new ConsoleException(ConsoleException.Kind.OTHER,
                    "No checksum to verify " + a.fileName() + " against (not pinned, no .sha1); nothing was installed");
        }
    }

    private static ConsoleException mismatch(Artifact a, String algorithm, String expected, String actual) {
        return new ConsoleException(ConsoleException.Kind.OTHER, "Checksum mismatch for " + a.fileName() + " (" + algorithm
                + " expected " + abbreviate(expected) + ", got " + abbreviate(actual) + "); nothing was installed");
    }

    private static String abbreviate(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "…" : hex;
    }

    private Digests copy(Path from, Path to, String step, long[] done, long total, Progress progress, BooleanSupplier cancelled)
            throws IOException {
        try (InputStream in = Files.newInputStream(from)) {
            return transfer(in, to, "Copying " + step, done, total, progress, cancelled);
        }
    }

    /** Writes {@code in} to {@code to}, hashing it and reporting progress as it goes; cancellable between buffers. */
    private static Digests transfer(InputStream in, Path to, String label, long[] done, long total, Progress progress,
                                    BooleanSupplier cancelled) throws IOException {
        Digests digests = new Digests();
        try (OutputStream out = Files.newOutputStream(to)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                checkCancelled(cancelled);
                out.write(buffer, 0, n);
                digests.update(buffer, n);
                done[0] += n;
                progress.update(label, done[0], total);
            }
        }
        return digests;
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw cancelledException();
        }
    }

    private static ConsoleException cancelledException() {
        return new ConsoleException(ConsoleException.Kind.CANCELLED, "Cancelled: DynamoDB Local was not installed");
    }

    private ConsoleException unreachable(String what, IOException e) {
        return new ConsoleException(ConsoleException.Kind.UNREACHABLE, "Cannot reach " + host() + " (" + what + ": "
                + oneLine(e) + "); check the network, or install DynamoDB Local from a folder that holds it", e);
    }

    private String host() {
        return repository.getHost() == null ? repository.toString()
                : repository.getScheme() + "://" + repository.getHost() + (repository.getPort() < 0 ? "" : ":" + repository.getPort());
    }

    /** The most telling message in a cause chain, on one line (connect failures often have none at the top). */
    static String oneLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().replaceAll("\\s+", " ").strip();
            }
        }
        return e.getClass().getSimpleName();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the status code already says what went wrong
        }
    }

    /** SHA-256 (the pin) and SHA-1 (what Maven repositories publish) in one pass over the bytes. */
    private static final class Digests {
        private final MessageDigest sha256 = ArtifactChecksums.newDigest("SHA-256");
        private final MessageDigest sha1 = ArtifactChecksums.newDigest("SHA-1");

        void update(byte[] buffer, int length) {
            sha256.update(buffer, 0, length);
            sha1.update(buffer, 0, length);
        }

        String sha256() {
            return HexFormat.of().formatHex(sha256.digest());
        }

        String sha1() {
            return HexFormat.of().formatHex(sha1.digest());
        }
    }

    /**
     * A folder beside the install folder (same file system, so the final move is atomic) that collects a new copy.
     * Closing it deletes whatever is left in it.
     */
    private record Staging(Path dir) implements AutoCloseable {

        static Staging create(Path dataDir) {
            Path dir = dataDir.resolve("dynamodb-local.staging-" + UUID.randomUUID());
            try {
                Files.createDirectories(dir.resolve("lib"));
            } catch (IOException e) {
                throw new ConsoleException(ConsoleException.Kind.CONFIG, "Cannot create " + dir + ": " + oneLine(e), e);
            }
            return new Staging(dir);
        }

        Path lib() {
            return dir.resolve("lib");
        }

        /** Moves the staged copy into place; a previous copy is moved aside first and removed only after. */
        Path commit(Path target) {
            try {
                Optional<Path> jar = dynamoDbLocalJar(lib());
                if (jar.isEmpty()) {
                    throw new ConsoleException(ConsoleException.Kind.OTHER, "The copy holds no DynamoDBLocal*.jar; nothing was installed");
                }
                Optional<String> license = licenseText(jar.get());
                if (license.isPresent()) {
                    Files.writeString(lib().resolve(LICENSE_COPY), license.get(), StandardCharsets.UTF_8);
                }
                Files.createDirectories(target.getParent());
                Path previous = target.resolveSibling(target.getFileName() + ".replaced-" + UUID.randomUUID());
                boolean replacing = Files.exists(target);
                if (replacing) {
                    move(target, previous);
                }
                try {
                    move(lib(), target);
                } catch (IOException e) {
                    if (replacing) {
                        move(previous, target);
                    }
                    throw e;
                }
                if (replacing) {
                    deleteTree(previous);
                }
                return target;
            } catch (IOException e) {
                throw new ConsoleException(ConsoleException.Kind.OTHER, "Cannot move DynamoDB Local into " + target + ": " + oneLine(e), e);
            }
        }

        private static void move(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to);
            }
        }

        @Override
        public void close() {
            try {
                deleteTree(dir);
            } catch (IOException e) {
                throw new ConsoleException(ConsoleException.Kind.OTHER, "Cannot remove " + dir + ": " + oneLine(e), e);
            }
        }
    }

    static Optional<Path> dynamoDbLocalJar(Path dir) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "DynamoDBLocal*.jar")) {
            for (Path jar : jars) {
                return Optional.of(jar);
            }
        }
        return Optional.empty();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
