package org.cruddur.console.service.dynamodblocal;

import org.cruddur.console.service.ConsoleException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The files of DynamoDB Local's runtime classpath as Maven paths, each with its size and SHA-256, pinned when the
 * console is built. The list is the very set that the pom's {@code dynamodb-local} execution copies (and the tests
 * run against), so a download is exactly what was tested, and a tampered or truncated file is refused.
 *
 * <p>One line per file: {@code <sha256> <size> <maven path>}; a {@code -} in place of the SHA-256 means "not pinned":
 * such a file is accepted only against the repository's own {@code .sha1}. {@link #main} writes the list at build time,
 * so the writer and the reader of the format live in one place.
 */
public record ArtifactChecksums(List<Artifact> artifacts) {

    /** Classpath resource (beside this class) written by the build. */
    public static final String RESOURCE = "dynamodb-local-artifacts.txt";
    private static final String UNPINNED = "-";

    public ArtifactChecksums {
        artifacts = List.copyOf(artifacts);
    }

    /** One file in a Maven repository: {@code path} is relative to the repository root, with forward slashes. */
    public record Artifact(String path, long size, String sha256) {
        public Artifact {
            if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
                throw new IllegalArgumentException("Not a relative Maven path: " + path);
            }
        }

        public String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        public boolean pinned() {
            return sha256 != null;
        }
    }

    /** The list built into the console. */
    public static ArtifactChecksums bundled() {
        try (InputStream in = ArtifactChecksums.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ConsoleException(ConsoleException.Kind.CONFIG,
                        "This build of the console has no list of DynamoDB Local's files (" + RESOURCE + "): rebuild it with Maven");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ArtifactChecksums parse(List<String> lines) {
        List<Artifact> artifacts = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+", 3);
            if (fields.length != 3) {
                throw new IllegalArgumentException("Bad artifact line (want '<sha256> <size> <path>'): " + line);
            }
            String sha = fields[0].equals(UNPINNED) ? null : fields[0].toLowerCase(Locale.ROOT);
            artifacts.add(new Artifact(fields[2], Long.parseLong(fields[1]), sha));
        }
        return new ArtifactChecksums(artifacts);
    }

    public List<String> format() {
        return artifacts.stream()
                .map(a -> (a.pinned() ? a.sha256() : UNPINNED) + " " + a.size() + " " + a.path())
                .toList();
    }

    /** DynamoDB Local's own jar, the one that carries AWS's LICENSE.txt. */
    public Artifact dynamoDbLocalJar() {
        return artifacts.stream()
                .filter(a -> a.fileName().startsWith("DynamoDBLocal") && a.fileName().endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new ConsoleException(ConsoleException.Kind.CONFIG, "The artifact list names no DynamoDBLocal jar"));
    }

    public long totalSize() {
        return artifacts.stream().mapToLong(Artifact::size).sum();
    }

    public static String sha256(Path file) {
        return digest("SHA-256", file);
    }

    public static String sha1(Path file) {
        return digest("SHA-1", file);
    }

    static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    private static String digest(String algorithm, Path file) {
        MessageDigest digest = newDigest(algorithm);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Build time: {@code <dependency:list output file> <local repository> <output file>}. The list must be written with
     * {@code outputAbsoluteArtifactFilename}, so each line holds the file's path inside the local repository.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ArtifactChecksums <dependency list> <local repository> <output>");
        }
        Path localRepository = Path.of(args[1]).toAbsolutePath().normalize();
        String root = localRepository.toString();
        List<Artifact> artifacts = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            int start = line.indexOf(root);
            if (start < 0) {
                continue; // the header and blank lines
            }
            int end = line.indexOf(" -- ", start);
            Path file = Path.of(end < 0 ? line.substring(start).strip() : line.substring(start, end).strip());
            String path = localRepository.relativize(file).toString().replace('\\', '/');
            artifacts.add(new Artifact(path, Files.size(file), sha256(file)));
        }
        if (artifacts.stream().noneMatch(a -> a.fileName().startsWith("DynamoDBLocal"))) {
            throw new IllegalStateException("No DynamoDBLocal jar in " + args[0] + " (is it resolved from " + root + "?)");
        }
        artifacts.sort(java.util.Comparator.comparing(Artifact::path));
        List<String> lines = new ArrayList<>();
        lines.add("# DynamoDB Local's runtime classpath: <sha256> <size> <path in a Maven repository>. Written by the build.");
        lines.addAll(new ArtifactChecksums(artifacts).format());
        Path output = Path.of(args[2]);
        Files.createDirectories(output.getParent());
        Files.write(output, lines, StandardCharsets.UTF_8);
        System.out.println("[ArtifactChecksums] pinned " + artifacts.size() + " files ("
                + artifacts.stream().mapToLong(Artifact::size).sum() / 1024 + " KiB) in " + output);
    }

    @Override
    public String toString() {
        return artifacts.stream().map(Artifact::path).collect(Collectors.joining(", ", "ArtifactChecksums[", "]"));
    }
}
