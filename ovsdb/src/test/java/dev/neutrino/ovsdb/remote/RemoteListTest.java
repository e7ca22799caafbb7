package dev.neutrino.ovsdb.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.ovsdb.error.OvsdbConnectionException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RemoteListTest {
    @Test
    void parsesEachKind() {
        assertThat(Remote.parse("unix:/var/run/ovn/ovnnb_db.sock")).isEqualTo(new Remote.Unix(Path.of("/var/run/ovn/ovnnb_db.sock")));
        assertThat(Remote.parse("tcp:127.0.0.1:6641")).isEqualTo(new Remote.Tcp("127.0.0.1", 6641));
        assertThat(Remote.parse("tcp:ovn-nb.example:6641")).isEqualTo(new Remote.Tcp("ovn-nb.example", 6641));
        assertThat(Remote.parse("tcp:10.0.0.1")).isEqualTo(new Remote.Tcp("10.0.0.1", 6640));
        assertThat(Remote.parse("tcp:[::1]:6641")).isEqualTo(new Remote.Tcp("::1", 6641));
        assertThat(Remote.parse("tcp:[fd00::1]")).isEqualTo(new Remote.Tcp("fd00::1", 6640));
        assertThat(Remote.parse("ssl:192.0.2.10:6641")).isEqualTo(new Remote.Ssl("192.0.2.10", 6641));
        assertThat(Remote.parse(" tcp:127.0.0.1:6641 ")).isEqualTo(new Remote.Tcp("127.0.0.1", 6641));
    }

    @Test
    void printsTheOvsForm() {
        assertThat(Remote.parse("tcp:[::1]:6641")).hasToString("tcp:[::1]:6641");
        assertThat(Remote.parse("tcp:10.0.0.1")).hasToString("tcp:10.0.0.1:6640");
        assertThat(RemoteList.parse("unix:/a.sock,ssl:h:1")).hasToString("unix:/a.sock,ssl:h:1");
    }

    @Test
    void parsesCommaSeparatedListsInOrder() {
        RemoteList list = RemoteList.parse("tcp:10.0.0.1:6641,tcp:10.0.0.2:6641, tcp:10.0.0.3:6641");
        assertThat(list.remotes()).containsExactly(new Remote.Tcp("10.0.0.1", 6641), new Remote.Tcp("10.0.0.2", 6641),
                new Remote.Tcp("10.0.0.3", 6641));
        // as in OVS's Python IDL, a piece without a colon continues the previous remote
        assertThat(RemoteList.parse("unix:/tmp/db.sock,t,s,tcp:10.0.0.2:6642").remotes())
                .containsExactly(new Remote.Unix(Path.of("/tmp/db.sock,t,s")), new Remote.Tcp("10.0.0.2", 6642));
    }

    @Test
    void rejectsMalformedRemotes() {
        assertThatThrownBy(() -> RemoteList.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> Remote.parse("http://x")).hasMessageContaining("unknown OVSDB remote type \"http:\"");
        assertThatThrownBy(() -> Remote.parse("ptcp:6641")).hasMessageContaining("passive");
        assertThatThrownBy(() -> Remote.parse("tcp:host:port")).hasMessageContaining("bad port");
        assertThatThrownBy(() -> Remote.parse("tcp:host:70000")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> Remote.parse("tcp:[::1")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> Remote.parse("unix:")).hasMessageContaining("socket path");
        assertThatThrownBy(() -> Remote.parse("nocolon")).hasMessageContaining("not an OVSDB remote");
    }

    @Test
    void sslNeedsTlsSettings() {
        assertThatThrownBy(() -> SocketTransport.connect(Remote.parse("ssl:127.0.0.1:6641"), Duration.ofSeconds(1)))
                .isInstanceOf(OvsdbConnectionException.class)
                .hasMessageContaining("ssl:127.0.0.1:6641 needs TLS settings");
    }

    @Test
    void connectFailuresAreClear() {
        assertThatThrownBy(() -> SocketTransport.connect(Remote.parse("unix:/nonexistent/x.sock"), Duration.ofSeconds(1)))
                .isInstanceOf(OvsdbConnectionException.class).hasMessageContaining("cannot connect to unix:/nonexistent/x.sock");
        assertThatThrownBy(() -> SocketTransport.connect(Remote.parse("tcp:127.0.0.1:1"), Duration.ofSeconds(1)))
                .isInstanceOf(OvsdbConnectionException.class).hasMessageContaining("cannot connect to tcp:127.0.0.1:1");
    }
}
