package dev.neutrino.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEM files written by openssl (see the fixtures' directory: a CA, an RSA and an EC certificate it
 * signed, their keys in PKCS#8, PKCS#1 and SEC1 form, and one encrypted key).
 */
class PemTest {
    @TempDir
    Path tmp;

    private static Path fixture(String name) {
        try {
            return Path.of(PemTest.class.getResource("tls/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsRsaKeysInPkcs8AndPkcs1FormAsTheSameKey() {
        PrivateKey pkcs8 = Pem.privateKey(fixture("rsa-pkcs8.pem"));
        PrivateKey pkcs1 = Pem.privateKey(fixture("rsa-pkcs1.pem"));
        assertThat(pkcs8).isInstanceOf(RSAPrivateKey.class);
        assertThat(pkcs1.getEncoded()).isEqualTo(pkcs8.getEncoded());
        X509Certificate cert = Pem.certificates(fixture("rsa-cert.pem")).get(0);
        assertThat(Pem.matches(pkcs1, cert)).isTrue();
    }

    @Test
    void readsEcKeysInPkcs8AndSec1Form() {
        PrivateKey pkcs8 = Pem.privateKey(fixture("ec-pkcs8.pem"));
        PrivateKey sec1 = Pem.privateKey(fixture("ec-sec1.pem"));
        assertThat(sec1).isInstanceOf(ECPrivateKey.class);
        assertThat(((ECPrivateKey) sec1).getS()).isEqualTo(((ECPrivateKey) pkcs8).getS());
        assertThat(Pem.matches(sec1, Pem.certificates(fixture("ec-cert.pem")).get(0))).isTrue();
    }

    @Test
    void buildsAKeyStoreOnlyForAKeyThatBelongsToTheCertificate() throws Exception {
        KeyStore store = Pem.keyStore(fixture("rsa-cert.pem"), fixture("rsa-pkcs1.pem"));
        assertThat(store.isKeyEntry("key")).isTrue();
        assertThat(store.getCertificateChain("key")).hasSize(1);
        assertThatThrownBy(() -> Pem.keyStore(fixture("rsa-cert.pem"), fixture("ec-sec1.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ec-sec1.pem: this private key does not belong to the certificate");
    }

    @Test
    void readsEveryCertificateOfABundleAndSkipsOtherBlocks() throws Exception {
        Path bundle = tmp.resolve("bundle.pem");
        Files.writeString(bundle, "some text before\n" + Files.readString(fixture("rsa-cert.pem"))
                + Files.readString(fixture("rsa-pkcs8.pem")) + Files.readString(fixture("ca.pem")));
        assertThat(Pem.certificates(bundle)).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=localhost", "CN=neutrino-test-ca");
        assertThat(Pem.trustStore(bundle).size()).isEqualTo(2);
    }

    @Test
    void refusesEncryptedKeysMissingFilesAndFilesWithoutTheBlock() throws Exception {
        assertThatThrownBy(() -> Pem.privateKey(fixture("rsa-encrypted.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the private key is encrypted");
        Path legacy = tmp.resolve("legacy.pem");
        Files.writeString(legacy, "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,00000000000000000000000000000000\n\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        assertThatThrownBy(() -> Pem.privateKey(legacy)).hasMessageContaining("the private key is encrypted");
        assertThatThrownBy(() -> Pem.privateKey(tmp.resolve("absent.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absent.pem: cannot read");
        assertThatThrownBy(() -> Pem.certificates(fixture("rsa-pkcs8.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no PEM certificate");
        assertThatThrownBy(() -> Pem.privateKey(fixture("ca.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no PEM private key");
    }

    @Test
    void aContextNeedsBothCertificateAndKey() {
        assertThat(Pem.sslContext(fixture("ec-cert.pem"), fixture("ec-pkcs8.pem"), fixture("ca.pem")).getProtocol())
                .isEqualTo("TLS");
        assertThatThrownBy(() -> Pem.sslContext(fixture("ec-cert.pem"), null, fixture("ca.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs its private key");
    }
}
