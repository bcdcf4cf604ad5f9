package org.cruddur.console.service.aws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * ~/.aws/sso/cache: one JSON file per sign-in, named as the AWS CLI names it, the SHA-1 (hex) of the sso-session
 * name, or of the start URL for legacy profiles; so the AWS CLI, the SDK and the console share one sign-in.
 */
public final class SsoTokenCache {

    private static final Logger LOG = Logger.getLogger(SsoTokenCache.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;

    public SsoTokenCache(Path dir) {
        this.dir = dir;
    }

    public Path fileFor(AwsProfileSettings profile) {
        String key = profile.usesSsoSession() ? profile.ssoSession() : profile.startUrl();
        return dir.resolve(sha1Hex(key) + ".json");
    }

    static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /** The cached token of the profile; empty when there is none or it cannot be read (logged: sign in again fixes it). */
    public Optional<SsoToken> read(AwsProfileSettings profile) {
        Path file = fileFor(profile);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            SsoToken token = JSON.readValue(file.toFile(), SsoToken.class);
            return token.accessToken() == null ? Optional.empty() : Optional.of(token);
        } catch (IOException e) {
            LOG.warning(() -> "Unreadable SSO token cache file " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes the token whole or not at all (a reader never sees half a file), readable by its owner only. */
    public Path write(AwsProfileSettings profile, SsoToken token) {
        Path file = fileFor(profile);
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "token-", ".tmp");
            try {
                restrict(temp);
                Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(token));
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the SSO token to " + file, e);
        }
    }

    public boolean delete(AwsProfileSettings profile) {
        try {
            return Files.deleteIfExists(fileFor(profile));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + fileFor(profile), e);
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // Windows: the user profile folder is private already
        }
    }
}
