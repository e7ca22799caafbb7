package dev.neutrino.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.ovsdb.error.OvsdbConnectionException;
import dev.neutrino.ovsdb.monitor.MonitorRequest;
import dev.neutrino.ovsdb.remote.OvsdbTls;
import dev.neutrino.ovsdb.remote.Remote;
import dev.neutrino.ovsdb.txn.Insert;
import dev.neutrino.ovsdb.txn.TransactionResult;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ssl:} remotes against a real ovsdb-server listening on {@code pssl:} with certificates made
 * by {@code ovs-pki}: one PKI signs the server's and the client's certificates, a second PKI stands
 * for everyone else.
 */
class OvsdbTlsIntegrationTest {
    private static final String NB = "OVN_Northbound";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static Path dir;
    private static OvsPki pki;
    private static OvsPki otherPki;
    private static OvsPki.Credentials client;
    private static OvsPki.Credentials stranger;
    private static OvsdbServerProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        OvsdbServerProcess.requireTools();
        dir = Files.createTempDirectory("neutrino-ovsdb-tls");
        pki = OvsPki.init(dir.resolve("pki"));
        otherPki = OvsPki.init(dir.resolve("other-pki"));
        OvsPki.Credentials nb = pki.issue("ovnnb");
        client = pki.issue("neutrino");
        stranger = otherPki.issue("stranger");
        server = OvsdbServerProcess.create(dir.resolve("db"), false)
                .startWithSsl(nb.privateKey(), nb.certificate(), pki.switchCa());
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) server.close();
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String sslRemote() {
        return "ssl:127.0.0.1:" + server.sslPort();
    }

    @Test
    void mutualTlsWithTheRightCaCarriesTransactionsAndMonitors() throws Exception {
        OvsdbTls tls = OvsdbTls.of(client.privateKey(), client.certificate(), pki.switchCa());
        try (OvsdbClient c = OvsdbClient.connect(OvsdbClientOptions.of(sslRemote()).withTls(tls))) {
            assertThat(c.connectedRemote()).contains(Remote.parse(sslRemote()));
            assertThat(c.listDbs().get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains(NB);
            Monitor switches = c.monitor(NB, List.of(MonitorRequest.table("Logical_Switch")))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            TransactionResult result = c.transact(NB, Insert.into("Logical_Switch").uuidName("ls")
                    .set("name", "over-tls")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(switches.replica().row("Logical_Switch", result.uuidOf("ls")).orElseThrow()
                    .getString("name")).isEqualTo("over-tls");
        }
    }

    @Test
    void aListOfSslRemotesMovesOnToTheOneThatAnswers() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        OvsdbTls tls = OvsdbTls.of(client.privateKey(), client.certificate(), pki.switchCa());
        try (OvsdbClient c = OvsdbClient.connect(OvsdbClientOptions.of("ssl:127.0.0.1:" + closed + "," + sslRemote())
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(100)).withTls(tls))) {
            assertThat(c.connectedRemote()).contains(Remote.parse(sslRemote()));
            assertThat(c.listDbs().get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains(NB);
        }
    }

    @Test
    void leaderOnlyWorksOverTlsWithAClusteredDatabase() throws Exception {
        OvsPki.Credentials member = pki.issue("member");
        try (OvsdbServerProcess clustered = OvsdbServerProcess.create(dir.resolve("cluster"), true)
                .startWithSsl(member.privateKey(), member.certificate(), pki.switchCa())) {
            OvsdbTls tls = OvsdbTls.of(client.privateKey(), client.certificate(), pki.switchCa());
            String remote = "ssl:127.0.0.1:" + clustered.sslPort();
            try (OvsdbClient c = OvsdbClient.connect(OvsdbClientOptions.of(remote).withLeaderOnly(NB).withTls(tls))) {
                // the leader check reads _Server over the same TLS connection
                assertThat(c.connectedRemote()).contains(Remote.parse(remote));
                TransactionResult result = c.transact(NB, Insert.into("Logical_Switch").uuidName("ls")
                        .set("name", "raft-over-tls")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(result.uuidOf("ls")).isNotNull();
            }
        }
    }

    @Test
    void refusesAServerWhoseCertificateAnotherCaSigned() {
        // trusting only the other PKI's CA: ovsdb-server's certificate does not chain to it
        OvsdbTls tls = OvsdbTls.of(client.privateKey(), client.certificate(), otherPki.switchCa());
        assertThatThrownBy(() -> OvsdbConnection.open(Remote.parse(sslRemote()), WAIT, java.util.Optional.of(tls)))
                .isInstanceOf(OvsdbConnectionException.class)
                .hasMessageContaining("cannot connect to " + sslRemote())
                // "PKIX path building failed" (no issuer of that name), or "PKIX path validation failed:
                // signature check failed" (ovs-pki names its CAs by the second they were made in, so
                // two PKIs made in the same second have CAs of the same name)
                .cause().isInstanceOf(SSLHandshakeException.class).hasMessageContaining("PKIX path");
    }

    @Test
    void theServerRefusesAClientWithoutACertificateOrWithOneFromAnotherCa() {
        OvsdbTls anonymous = new OvsdbTls(java.util.Optional.empty(), java.util.Optional.empty(), pki.switchCa());
        OvsdbTls foreign = OvsdbTls.of(stranger.privateKey(), stranger.certificate(), pki.switchCa());
        for (OvsdbTls tls : List.of(anonymous, foreign)) {
            // with TLS 1.3 the server's refusal may arrive after our side of the handshake: either the
            // handshake or the first request fails, and nothing is ever answered
            assertThatThrownBy(() -> {
                try (OvsdbConnection c = OvsdbConnection.open(Remote.parse(sslRemote()), WAIT,
                        java.util.Optional.of(tls))) {
                    c.listDbs().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                }
            }).as(tls.toString()).satisfiesAnyOf(
                    e -> assertThat(e).isInstanceOf(OvsdbConnectionException.class),
                    e -> assertThat(e).isInstanceOf(java.util.concurrent.ExecutionException.class)
                            .cause().isInstanceOf(OvsdbConnectionException.class));
        }
    }

    @Test
    void reconnectsOverTlsAfterTheServerRestarts() throws Exception {
        OvsdbTls tls = OvsdbTls.of(client.privateKey(), client.certificate(), pki.switchCa());
        try (OvsdbClient c = OvsdbClient.connect(OvsdbClientOptions.of(sslRemote())
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).withTls(tls))) {
            server.kill();
            server.start();
            c.awaitConnected(WAIT);
            assertThat(c.listDbs().get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains(NB);
        }
    }

    @Test
    void badFilesAreRefusedAtOnceNamingTheFile() {
        assertThatThrownBy(() -> OvsdbTls.of(client.privateKey(), stranger.certificate(), pki.switchCa()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(client.privateKey() + ": this private key does not belong to the certificate");
        assertThatThrownBy(() -> OvsdbTls.of(client.privateKey(), client.certificate(), dir.resolve("nope.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.pem: cannot read");
    }
}
