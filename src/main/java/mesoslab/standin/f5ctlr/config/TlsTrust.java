package mesoslab.standin.f5ctlr.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How a server certificate is checked. The real controller verifies neither the BIG-IP's
 * certificate (f5-sdk's default) nor Marathon's unless given a CA bundle, so {@link Insecure} is
 * the default; a lab that wants more pins the BIG-IP's self-signed certificate by its SHA-256
 * fingerprint or names a CA bundle.
 */
public sealed interface TlsTrust {
    /** Accepts any certificate for any host name, as the real controller does. */
    record Insecure() implements TlsTrust {}

    /** Accepts exactly the certificate with this SHA-256 fingerprint (hex, colons allowed), for any host name. */
    record Pinned(String sha256) implements TlsTrust {
        public Pinned {
            sha256 = sha256.replace(":", "").toLowerCase(Locale.ROOT);
        }
    }

    /** Ordinary PKIX validation, host name included, against the CA certificates in a PEM file. */
    record CaBundle(Path pemFile) implements TlsTrust {}

    default SSLContext sslContext() throws ConfigException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManager[] managers;
            if (this instanceof CaBundle ca) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                try (InputStream in = Files.newInputStream(ca.pemFile())) {
                    int i = 0;
                    for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        store.setCertificateEntry("ca" + i++, cert);
                    }
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                managers = factory.getTrustManagers();
            } else {
                managers = new TrustManager[] {new Lenient(this instanceof Pinned p ? p.sha256() : null)};
            }
            context.init(null, managers, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("cannot set up TLS trust from " + this + ": " + e.getMessage());
        }
    }

    /**
     * Trusts any chain, or only a pinned leaf. It is an {@link X509ExtendedTrustManager} on purpose:
     * the JDK then leaves host name checking to it, and a self-signed BIG-IP certificate rarely
     * names the address the controller dials.
     */
    final class Lenient extends X509ExtendedTrustManager {
        private final String pin;

        Lenient(String pin) {
            this.pin = pin;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (pin == null) {
                return;
            }
            try {
                String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
                if (!actual.equals(pin)) {
                    throw new CertificateException("server certificate SHA-256 " + actual + " does not match the pinned " + pin);
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new CertificateException(e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not used");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
