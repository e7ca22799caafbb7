package dev.neutrino.ovn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.common.Config;
import dev.neutrino.common.ConfigException;
import dev.neutrino.common.IniFile;
import dev.neutrino.ovsdb.OvsPki;
import dev.neutrino.ovsdb.OvsdbClient;
import dev.neutrino.ovsdb.OvsdbClientOptions;
import dev.neutrino.ovsdb.OvsdbServerProcess;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** [ovn]'s connections and their ssl: certificates, as ML2/OVN names them, into the OVSDB client's options. */
class OvnOptionsTest {
    @TempDir
    Path dir;

    private static Config config(String ini) {
        Config c = Config.of(IniFile.parse(ini), OvnOptions.ALL);
        assertThat(c.warnings()).isEmpty();
        return c;
    }

    @Test
    void plainRemotesNeedNoCertificates() {
        OvsdbClientOptions nb = OvnOptions.northbound(config("[ovn]\novn_nb_connection = tcp:127.0.0.1:6641\n"));
        assertThat(nb.tls()).isEmpty();
        assertThat(nb.leaderOnly()).contains("OVN_Northbound");
        assertThat(OvnOptions.southbound(config("[ovn]\novn_sb_connection = unix:/run/sb.sock\n")).leaderOnly())
                .contains("OVN_Southbound");
    }

    @Test
    void anSslRemoteWithoutItsFilesStopsTheServerNamingTheOptions() {
        assertThatThrownBy(() -> OvnOptions.northbound(config(
                "[ovn]\novn_nb_connection = tcp:10.0.0.1:6641,ssl:10.0.0.2:6641\novn_nb_ca_cert = /x/ca.pem\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("[ovn] ovn_nb_connection has ssl: remotes, but ovn_nb_private_key, "
                        + "ovn_nb_certificate are not set");
        assertThatThrownBy(() -> OvnOptions.southbound(config("[ovn]\novn_sb_connection = ssl:10.0.0.2:6642\n"
                + "ovn_sb_private_key = /k\novn_sb_certificate = /c\n")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ovn_sb_ca_cert is not set");
        assertThatThrownBy(() -> OvnOptions.northbound(config("[ovn]\novn_nb_connection = ssl:10.0.0.2:6641\n"
                + "ovn_nb_private_key = /nonexistent/k.pem\novn_nb_certificate = /nonexistent/c.pem\n"
                + "ovn_nb_ca_cert = /nonexistent/ca.pem\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("[ovn] ovn_nb_private_key/ovn_nb_certificate/ovn_nb_ca_cert: /nonexistent/");
        assertThatThrownBy(() -> OvnOptions.northbound(config("[ovn]\novn_nb_connection = ssl:\n")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("[ovn] ovn_nb_connection: ");
    }

    @Test
    void theNorthboundOptionsReachAnOvsdbServerOverMutualTls() throws Exception {
        OvsPki pki = OvsPki.init(dir.resolve("pki"));
        OvsPki.Credentials server = pki.issue("ovnnb");
        OvsPki.Credentials client = pki.issue("neutrino");
        try (OvsdbServerProcess nb = OvsdbServerProcess.create(dir.resolve("nb"), false)
                .startWithSsl(server.privateKey(), server.certificate(), pki.switchCa())) {
            OvsdbClientOptions options = OvnOptions.northbound(config("[ovn]\novn_nb_connection = ssl:127.0.0.1:"
                    + nb.sslPort() + "\novn_nb_private_key = " + client.privateKey() + "\novn_nb_certificate = "
                    + client.certificate() + "\novn_nb_ca_cert = " + pki.switchCa() + "\n"));
            assertThat(options.tls()).isPresent();
            try (OvsdbClient c = OvsdbClient.connect(options)) {
                assertThat(c.listDbs().get(15, TimeUnit.SECONDS)).contains("OVN_Northbound");
            }
        }
    }
}
