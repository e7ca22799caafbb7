package dev.neutrino.ovsdb.remote;

import dev.neutrino.common.Pem;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What an {@code ssl:} remote needs, as OVS's {@code --private-key}, {@code --certificate} and
 * {@code --ca-cert} (ML2/OVN's {@code [ovn] ovn_nb_private_key}, {@code ovn_nb_certificate},
 * {@code ovn_nb_ca_cert}): PEM files. The server's certificate must chain to {@code caCert}; as in
 * OVS, its host name is not compared with the certificate (ovs-pki's certificates name no host). The
 * client presents {@code certificate} with {@code privateKey} (ovsdb-server requires a client
 * certificate signed by a CA it trusts); both or neither.
 *
 * <p>The files are read again for every connection, so renewed certificates take effect at the next
 * reconnect; {@link #of} reads them once to refuse bad files at once.
 */
public record OvsdbTls(Optional<Path> privateKey, Optional<Path> certificate, Path caCert) {
    public OvsdbTls {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(caCert, "caCert");
        if (privateKey.isPresent() != certificate.isPresent()) {
            throw new IllegalArgumentException("a client certificate needs its private key, and a key its certificate");
        }
    }

    /**
     * Checked settings: the files are read, the key must belong to the certificate.
     *
     * @param privateKey the client's key, or null for none
     * @param certificate the client's certificate (chain), or null for none
     * @param caCert the CA certificate(s) the server's certificate must chain to
     * @throws IllegalArgumentException naming the file that cannot be used and why
     */
    public static OvsdbTls of(Path privateKey, Path certificate, Path caCert) {
        OvsdbTls tls = new OvsdbTls(Optional.ofNullable(privateKey), Optional.ofNullable(certificate), caCert);
        tls.context();
        return tls;
    }

    /** A TLS context from the files as they are now. */
    public SSLContext context() {
        return Pem.sslContext(certificate.orElse(null), privateKey.orElse(null), caCert);
    }

    @Override
    public String toString() {
        return "TLS (CA " + caCert + certificate.map(c -> ", client certificate " + c).orElse(", no client certificate")
                + ")";
    }
}
