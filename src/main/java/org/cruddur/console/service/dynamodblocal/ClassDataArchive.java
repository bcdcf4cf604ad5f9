package org.cruddur.console.service.dynamodblocal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The class-data sharing (CDS) archive of DynamoDB Local's child JVM: about a fifth off its start (2.3 s to 1.9 s on
 * 2 cores, see BENCHMARKS.md). Made by the first start ({@code -XX:ArchiveClassesAtExit}, written when the child
 * exits) and used by the next ones. Its name holds everything it depends on (the JDK, DynamoDB Local's jars, the
 * launcher), so a new JDK or DynamoDB Local version gets a new archive; an old one goes once no start used it for a week.
 *
 * <p>An archive must never stop the server from starting: it is written under a temporary name and put in place
 * only after the child exited normally (a child killed while writing leaves no archive); an archive the JVM could
 * not map is deleted after the start (its {@code -Xlog:cds} file says so) and remade by the next; a child that dies
 * at start with an archive is started again without it ({@link #discard}).
 */
final class ClassDataArchive {

    /** {@code false} turns the archive off (for measuring without it). */
    static final String PROPERTY = "cruddur.dynamodbLocal.classData";
    private static final Logger LOG = Logger.getLogger(ClassDataArchive.class.getName());
    private static final int UNUSED_DAYS = 7;

    private final Path archive;
    private final Path part;
    private final Path mapLog;
    private final boolean enabled;
    private boolean dumping;

    private ClassDataArchive(Path archive, boolean enabled) {
        this.archive = archive;
        // a name of its own per child: two children may make the archive at once (two data folders, one launcher folder)
        this.part = archive.resolveSibling(archive.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
        this.mapLog = archive.resolveSibling(archive.getFileName() + ".log");
        this.enabled = enabled;
    }

    /** The archive for this JDK, these DynamoDB Local jars and this launcher jar, kept in {@code folder}. */
    static ClassDataArchive forServer(Path folder, Path jars, Path launcherJar) {
        String key = LauncherJar.shortHash((System.getProperty("java.home") + '|' + System.getProperty("java.vm.version")
                + '|' + launcherJar.toAbsolutePath() + '|' + jarsFingerprint(jars)).getBytes(StandardCharsets.UTF_8));
        Path archive = folder.resolve("dynamodb-local-" + key + ".jsa");
        boolean enabled = !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true")) && runtimeHasBaseArchive();
        return new ClassDataArchive(archive, enabled);
    }

    /**
     * A dynamic archive sits on top of the JDK's own (lib/server/classes.jsa); a runtime without one (a jlinked
     * runtime nobody ran -Xshare:dump on) cannot write or use it, so don't try.
     */
    private static boolean runtimeHasBaseArchive() {
        Path home = Path.of(System.getProperty("java.home"));
        try (Stream<Path> found = Files.find(home.resolve("lib"), 2, (p, a) -> p.getFileName().toString().equals("classes.jsa"))) {
            return found.findAny().isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String jarsFingerprint(Path jars) {
        StringBuilder fingerprint = new StringBuilder(jars.toAbsolutePath().toString());
        try (DirectoryStream<Path> files = Files.newDirectoryStream(jars, "*.jar")) {
            List<Path> sorted = new ArrayList<>();
            files.forEach(sorted::add);
            sorted.sort(null);
            for (Path jar : sorted) {
                fingerprint.append('|').append(jar.getFileName()).append(':').append(Files.size(jar))
                        .append(':').append(Files.getLastModifiedTime(jar).toMillis());
            }
        } catch (IOException e) {
            fingerprint.append("|unreadable");
        }
        return fingerprint.toString();
    }

    /** The child JVM's options: use the archive when there is one, else make it. */
    List<String> jvmOptions() {
        if (!enabled) {
            return List.of();
        }
        if (Files.isRegularFile(archive)) {
            dumping = false;
            markUsed();
            return List.of("-Xshare:auto", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=info:file=" + mapLog + "::filecount=0");
        }
        dumping = true;
        deleteOtherArchives();
        return List.of("-XX:ArchiveClassesAtExit=" + part);
    }

    boolean inUse() {
        return enabled && !dumping && Files.isRegularFile(archive);
    }

    boolean dumping() {
        return enabled && dumping;
    }

    /** After the server answered: an archive the JVM could not map is deleted, so the next start makes it anew. */
    void checkMapped() {
        if (!inUse() || !Files.isRegularFile(mapLog)) {
            return;
        }
        try {
            String log = Files.readString(mapLog, StandardCharsets.UTF_8);
            if (log.contains("Unable to map") || log.contains("UseSharedSpaces: ")) {
                LOG.log(Level.WARNING, "DynamoDB Local''s class-data archive {0} could not be used; it will be made again", archive);
                discard();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot read " + mapLog, e);
        }
    }

    /** After the child exited: an archive written by a normal exit is put in place. */
    void afterExit(int exitCode) {
        if (!dumping()) {
            return;
        }
        try {
            if (exitCode == 0 && Files.isRegularFile(part) && Files.size(part) > 0) {
                Files.move(part, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot keep DynamoDB Local''s class-data archive {0}: {1}", new Object[] {archive, e.toString()});
        }
    }

    /** Deletes the archive (unusable); the next start without it makes it again. */
    void discard() {
        try {
            Files.deleteIfExists(archive);
            Files.deleteIfExists(mapLog);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot delete DynamoDB Local''s class-data archive {0}: {1}", new Object[] {archive, e.toString()});
        }
    }

    /**
     * The archive's time says when it was last used: two runtimes may share a data folder (the installed app on its JDK 25
     * runtime, {@code java -jar} from a checkout on JDK 17), and neither may delete the other's archive while it is in use.
     */
    private void markUsed() {
        try {
            Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot mark " + archive + " as used", e);
        }
    }

    /**
     * Archives of earlier JDKs, jars or launchers (20-30 MB each) that no start used for {@value #UNUSED_DAYS} days,
     * and parts a killed child left.
     */
    private void deleteOtherArchives() {
        long now = System.currentTimeMillis();
        long dayAgo = now - 24 * 3600 * 1000L;
        long unusedSince = now - UNUSED_DAYS * 24 * 3600 * 1000L;
        try (DirectoryStream<Path> old = Files.newDirectoryStream(archive.getParent(), "dynamodb-local-*.jsa*")) {
            for (Path file : old) {
                String name = file.getFileName().toString();
                boolean otherArchive = name.endsWith(".jsa") && !file.equals(archive)
                        && Files.getLastModifiedTime(file).toMillis() < unusedSince;
                boolean leftPart = name.endsWith(".part") && Files.getLastModifiedTime(file).toMillis() < dayAgo;
                if (otherArchive || leftPart) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "cannot tidy " + archive.getParent(), e);
        }
    }

    Path path() {
        return archive;
    }
}
