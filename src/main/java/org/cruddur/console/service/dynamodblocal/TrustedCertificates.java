package org.cruddur.console.service.dynamodblocal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS trust for the console's downloads: the Java runtime's own CA list, or else the operating system's. The packaged
 * runtime's list is a copy frozen when the package was built, so it lacks the CAs a company adds to its machines for a
 * TLS-inspecting proxy; the OS store has them, and a browser on the same machine would trust them too.
 */
public final class TrustedCertificates {

    /** PEM bundles of the usual Linux distributions (Debian/Ubuntu, Fedora/RHEL, openSUSE, Alpine/Arch). */
    static final List<Path> LINUX_BUNDLES = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"),
            Path.of("/etc/ssl/ca-bundle.pem"),
            Path.of("/etc/ssl/cert.pem"));

    private TrustedCertificates() {
    }

    public static SSLContext sslContext() {
        try {
            List<X509TrustManager> managers = new ArrayList<>();
            managers.add(trustManager(null)); // null: the runtime's cacerts, or javax.net.ssl.trustStore when set
            operatingSystemStore().ifPresent(store -> managers.add(trustManager(store)));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new AnyOf(managers)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every Java runtime", e);
        }
    }

    static Optional<KeyStore> operatingSystemStore() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        try {
            if (os.contains("win")) {
                return Optional.of(loaded("Windows-ROOT")); // needs jdk.crypto.mscapi in the runtime
            }
            if (os.contains("mac")) {
                return Optional.of(loaded("KeychainStore"));
            }
            for (Path bundle : LINUX_BUNDLES) {
                if (Files.isReadable(bundle)) {
                    return Optional.of(fromPemBundle(bundle));
                }
            }
        } catch (GeneralSecurityException | IOException unavailable) {
            // no OS store to add: the runtime's list still applies
        }
        return Optional.empty();
    }

    static KeyStore fromPemBundle(Path bundle) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(bundle)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("os-" + i++, certificate);
            }
        }
        return store;
    }

    private static KeyStore loaded(String type) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        return store;
    }

    private static X509TrustManager trustManager(KeyStore store) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance)
                    .map(X509TrustManager.class::cast)
                    .findFirst()
                    .orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts a chain that any of its managers trusts; reports the first manager's refusal otherwise. */
    private record AnyOf(List<X509TrustManager> managers) implements X509TrustManager {

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException first = null;
            for (X509TrustManager manager : managers) {
                try {
                    manager.checkServerTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    first = first == null ? e : first;
                }
            }
            throw first;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            CertificateException first = null;
            for (X509TrustManager manager : managers) {
                try {
                    manager.checkClientTrusted(chain, authType);
                    return;
                } catch (CertificateException e) {
                    first = first == null ? e : first;
                }
            }
            throw first;
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return managers.stream().flatMap(m -> Arrays.stream(m.getAcceptedIssuers())).toArray(X509Certificate[]::new);
        }
    }
}
