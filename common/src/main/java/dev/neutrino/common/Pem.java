package dev.neutrino.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * PEM files as operators have them (what {@code openssl req -newkey}, {@code openssl genrsa} and
 * {@code ovs-pki} write) turned into what the JDK's TLS takes: certificates, a private key in PKCS#8
 * ({@code BEGIN PRIVATE KEY}), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or SEC1 ({@code BEGIN EC
 * PRIVATE KEY}) form, in-memory key and trust stores, and an {@link SSLContext}. Encrypted keys are
 * refused (there is no option for a passphrase, as in oslo.service and OVS). Every failure is an
 * {@link IllegalArgumentException} whose message names the file.
 */
public final class Pem {
    private Pem() {}

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\R(.*?)-----END \\1-----", Pattern.DOTALL);
    /** rsaEncryption's AlgorithmIdentifier (OID 1.2.840.113549.1.1.1, NULL parameters), DER. */
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    /** id-ecPublicKey, OID 1.2.840.10045.2.1, DER. */
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");
    private static final char[] NO_PASSWORD = new char[0];

    /** Every certificate of {@code file}, in order (a leaf first, then the chain, as servers expect). */
    public static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (Block block : blocks(file)) {
                if (block.type().equals("CERTIFICATE")) {
                    certs.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + ": not a valid X.509 certificate (" + e.getMessage() + ")", e);
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException(file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
        }
        return certs;
    }

    /** The first private key of {@code file}: PKCS#8, PKCS#1 (RSA) or SEC1 (EC), unencrypted. */
    public static PrivateKey privateKey(Path file) {
        for (Block block : blocks(file)) {
            byte[] pkcs8 = switch (block.type()) {
                case "PRIVATE KEY" -> block.der();
                case "RSA PRIVATE KEY" -> block.encrypted() ? null : pkcs8OfPkcs1(block.der());
                case "EC PRIVATE KEY" -> block.encrypted() ? null : pkcs8OfSec1(block.der(), file);
                case "ENCRYPTED PRIVATE KEY" -> null;
                default -> new byte[0];
            };
            if (pkcs8 == null) {
                throw new IllegalArgumentException(file + ": the private key is encrypted; give an unencrypted one "
                        + "(openssl pkey -in KEY -out KEY.plain), readable only by the service's user");
            }
            if (pkcs8.length > 0) {
                return decode(pkcs8, file);
            }
        }
        throw new IllegalArgumentException(file + ": no PEM private key (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY "
                + "or EC PRIVATE KEY) in it");
    }

    /**
     * A key store holding {@code keyFile}'s key with {@code certFile}'s chain (alias "key", no
     * password), after checking that the key belongs to the first certificate.
     */
    public static KeyStore keyStore(Path certFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certFile);
        PrivateKey key = privateKey(keyFile);
        if (!matches(key, chain.get(0))) {
            throw new IllegalArgumentException(keyFile + ": this private key does not belong to the certificate in "
                    + certFile + " (" + chain.get(0).getSubjectX500Principal() + ")");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", key, NO_PASSWORD, chain.toArray(new Certificate[0]));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(keyFile + ": cannot use this key (" + e.getMessage() + ")", e);
        }
    }

    /** A trust store of every certificate in {@code caFile}. */
    public static KeyStore trustStore(Path caFile) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int n = 0;
            for (X509Certificate ca : certificates(caFile)) {
                store.setCertificateEntry("ca" + n++, ca);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException(caFile + ": cannot use these certificates (" + e.getMessage() + ")", e);
        }
    }

    /**
     * A TLS context presenting {@code certFile}/{@code keyFile} (null for none) and trusting exactly
     * the certificates of {@code caFile} (null for the JDK's default trust).
     */
    public static SSLContext sslContext(Path certFile, Path keyFile, Path caFile) {
        try {
            KeyManager[] keys = null;
            if (certFile != null || keyFile != null) {
                if (certFile == null || keyFile == null) {
                    throw new IllegalArgumentException("a certificate needs its private key and a key its certificate");
                }
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore(certFile, keyFile), NO_PASSWORD);
                keys = kmf.getKeyManagers();
            }
            TrustManager[] trust = null;
            if (caFile != null) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trustStore(caFile));
                trust = tmf.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Whether {@code key} signs what {@code cert}'s public key verifies. */
    static boolean matches(PrivateKey key, X509Certificate cert) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            default -> key.getAlgorithm(); // Ed25519, Ed448
        };
        try {
            byte[] probe = "neutrino".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // e.g. an RSA key against an EC certificate
        }
    }

    private record Block(String type, byte[] der, boolean encrypted) {}

    private static List<Block> blocks(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read (" + e + ")", e);
        }
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            StringBuilder base64 = new StringBuilder();
            boolean encrypted = false;
            for (String line : m.group(2).split("\\R")) {
                if (line.contains(":")) { // RFC 1421 headers of legacy keys: Proc-Type: 4,ENCRYPTED, DEK-Info
                    encrypted |= line.startsWith("Proc-Type:") && line.contains("ENCRYPTED");
                } else {
                    base64.append(line.strip());
                }
            }
            try {
                blocks.add(new Block(m.group(1), Base64.getDecoder().decode(base64.toString()), encrypted));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": malformed base64 in its " + m.group(1) + " block", e);
            }
        }
        return blocks;
    }

    private static PrivateKey decode(byte[] pkcs8, Path file) {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(pkcs8);
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "DSA", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException notThisOne) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException(file + ": a private key of an unsupported kind (RSA, EC, Ed25519, Ed448 "
                + "and DSA are)");
    }

    /** PKCS#8 PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING { the PKCS#1 key } }. */
    private static byte[] pkcs8OfPkcs1(byte[] pkcs1) {
        return der(0x30, concat(hex("020100"), RSA_ALGORITHM, der(0x04, pkcs1)));
    }

    /**
     * PKCS#8 PrivateKeyInfo { version 0, { id-ecPublicKey, the curve }, OCTET STRING { the SEC1 key } },
     * the curve taken from the SEC1 key's {@code [0] parameters}.
     */
    private static byte[] pkcs8OfSec1(byte[] sec1, Path file) {
        Der outer = Der.read(sec1, 0);
        if (outer.tag() != 0x30) throw new IllegalArgumentException(file + ": malformed EC PRIVATE KEY");
        for (int at = outer.start(); at < outer.end(); ) {
            Der field = Der.read(sec1, at);
            if (field.tag() == 0xa0) { // [0] ECParameters: the named curve's OID
                byte[] curve = java.util.Arrays.copyOfRange(sec1, field.start(), field.end());
                return der(0x30, concat(hex("020100"), der(0x30, concat(EC_PUBLIC_KEY_OID, curve)), der(0x04, sec1)));
            }
            at = field.end();
        }
        throw new IllegalArgumentException(file + ": the EC PRIVATE KEY names no curve");
    }

    /** One DER tag-length-value: its tag and where its contents start and end. */
    private record Der(int tag, int start, int end) {
        static Der read(byte[] bytes, int at) {
            try {
                int tag = bytes[at] & 0xff;
                int length = bytes[at + 1] & 0xff;
                int start = at + 2;
                if (length == 0x80) throw new IllegalArgumentException("indefinite length: not DER");
                if (length > 0x80) {
                    int n = length - 0x80;
                    length = 0;
                    for (int i = 0; i < n; i++) length = (length << 8) | (bytes[start + i] & 0xff);
                    start += n;
                }
                if (start + length > bytes.length) throw new IllegalArgumentException("truncated DER");
                return new Der(tag, start, start + length);
            } catch (ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("truncated DER", e);
            }
        }
    }

    private static byte[] der(int tag, byte[] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = contents.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) out.write(n >>> (8 * i));
        }
        out.writeBytes(contents);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
