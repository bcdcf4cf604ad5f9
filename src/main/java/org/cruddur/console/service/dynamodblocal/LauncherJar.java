package org.cruddur.console.service.dynamodblocal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.cruddur.console.service.ConsoleException;
import org.cruddur.console.service.dynamodblocal.launcher.DynamoDbLocalLauncher;

/**
 * The tiny jar that holds only {@link DynamoDbLocalLauncher}, written into the data folder from the console's own
 * classes. The child process runs from it rather than from the console's jar: its class path then stays one small
 * file that changes only when the launcher does, so a class-data archive made for it stays valid across rebuilds
 * and updates of the console (CDS checks each class path entry's size and time).
 */
final class LauncherJar {

    static final String MAIN_CLASS = DynamoDbLocalLauncher.class.getName();
    private static final String ENTRY = MAIN_CLASS.replace('.', '/') + ".class";

    private LauncherJar() {
    }

    /** The launcher jar in {@code folder}, named after its content; written (atomically) only when missing. */
    static Path ensure(Path folder) {
        byte[] launcherClass = launcherClass();
        Path jar = folder.resolve("launcher-" + shortHash(launcherClass) + ".jar");
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        try {
            Files.createDirectories(folder);
            Path part = Files.createTempFile(folder, "launcher-", ".part");
            try (OutputStream file = Files.newOutputStream(part); JarOutputStream out = new JarOutputStream(file)) {
                JarEntry entry = new JarEntry(ENTRY);
                entry.setTime(0); // the same bytes every time the jar is written
                out.putNextEntry(entry);
                out.write(launcherClass);
                out.closeEntry();
            }
            Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return jar;
        } catch (IOException e) {
            throw new ConsoleException(ConsoleException.Kind.CONFIG,
                    "Cannot write DynamoDB Local's launcher into " + folder + ": " + e.getMessage(), e);
        }
    }

    private static byte[] launcherClass() {
        try (InputStream in = DynamoDbLocalLauncher.class.getResourceAsStream("/" + ENTRY)) {
            if (in == null) {
                throw new IllegalStateException("the console's own class " + ENTRY + " is missing from its class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the console's own class " + ENTRY, e);
        }
    }

    static String shortHash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
