package mesoslab.standin.bigip.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The management interface's key and self-signed certificate, as a real BIG-IP has out of the
 * box. Kept in a PKCS12 file when one is given, so the fingerprint a user accepted survives a
 * restart; otherwise made fresh in memory (an EC P-256 key takes milliseconds, so start-up stays
 * well under a second).
 */
public final class TlsIdentity {
    /** Protects nothing: the keystore holds a lab's self-signed key next to the lab's state. */
    private static final char[] STORE_PASSWORD = "mesoslab".toCharArray();
    private static final String ALIAS = "bigip-mgmt";

    private final PrivateKey key;
    private final X509Certificate certificate;

    private TlsIdentity(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** Loads the identity from {@code file}, or makes one and stores it there (atomically). */
    public static TlsIdentity loadOrCreate(Path file, List<String> dnsNames, List<InetAddress> addresses)
            throws IOException, GeneralSecurityException {
        if (Files.isRegularFile(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, STORE_PASSWORD);
            }
            return new TlsIdentity((PrivateKey) store.getKey(ALIAS, STORE_PASSWORD), (X509Certificate) store.getCertificate(ALIAS));
        }
        TlsIdentity made = create(dnsNames, addresses);
        KeyStore store = made.keyStore();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            store.store(out, STORE_PASSWORD);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return made;
    }

    /** A new key pair and a certificate for {@code CN=<first name>} naming every name and address. */
    public static TlsIdentity create(List<String> dnsNames, List<InetAddress> addresses) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        byte[] ecdsaWithSha256 = Der.sequence(Der.oid("1.2.840.10045.4.3.2"));
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8String(dnsNames.get(0)))));
        ZonedDateTime now = ZonedDateTime.now();
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)), // v3
                Der.integer(new BigInteger(63, new SecureRandom()).add(BigInteger.ONE)),
                ecdsaWithSha256,
                name,
                Der.sequence(Der.time(now.minusDays(1)), Der.time(now.plusYears(10))),
                name,
                pair.getPublic().getEncoded(), // already a SubjectPublicKeyInfo
                Der.explicit(3, Der.sequence(subjectAltNames(dnsNames, addresses))));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(tbs);
        byte[] der = Der.sequence(tbs, ecdsaWithSha256, Der.bitString(signer.sign()));
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        cert.verify(pair.getPublic());
        return new TlsIdentity(pair.getPrivate(), cert);
    }

    private static byte[] subjectAltNames(List<String> dnsNames, List<InetAddress> addresses) {
        List<byte[]> names = new ArrayList<>();
        dnsNames.forEach(n -> names.add(Der.implicit(2, n.getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        addresses.forEach(a -> names.add(Der.implicit(7, a.getAddress())));
        return Der.sequence(Der.oid("2.5.29.17"), Der.octetString(Der.sequence(names.toArray(byte[][]::new))));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate's SHA-256 fingerprint as {@code openssl x509 -fingerprint -sha256} prints it. */
    public String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public SSLContext sslContext() throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore(), STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private KeyStore keyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot initialise an empty keystore", e);
        }
        store.setKeyEntry(ALIAS, key, STORE_PASSWORD, new Certificate[] {certificate});
        return store;
    }
}
