package dev.neutrino.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.neutrino.common.Config;
import dev.neutrino.common.IniFile;
import dev.neutrino.common.NeutronException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    private static RequestLimits limits(String ini) {
        Config c = Config.of(IniFile.parse(ini), AllOptions.ALL);
        assertThat(c.warnings()).isEmpty();
        return ServerOptions.requestLimits(c);
    }

    @Test
    void bodySizeComesFromOsloMiddlewareOrItsDeprecatedName() {
        assertThat(limits("").maxBodySize()).isEqualTo(114688);
        assertThat(limits("[DEFAULT]\nmax_request_body_size = 1000\n").maxBodySize()).isEqualTo(1000);
        assertThat(limits("[oslo_middleware]\nmax_request_body_size = 2000\n[DEFAULT]\nmax_request_body_size = 1000\n")
                .maxBodySize()).isEqualTo(2000);
    }

    @Test
    void theWholeHeadIsBoundedAsEventletBoundsIt() {
        assertThat(limits("").maxHeaderLine()).isEqualTo(16384);
        assertThat(limits("").requestHeaderSize()).isEqualTo(65536);
        assertThat(limits("[DEFAULT]\nmax_header_line = 65536\n").requestHeaderSize()).isEqualTo(131072);
    }

    @Test
    void queryStringsDecodeStrictly() {
        assertThat(QueryString.parse("a=1&a=2&b&c=x+y%2Bz&&d=%C3%A9")).isEqualTo(Map.of("a", List.of("1", "2"),
                "b", List.of(""), "c", List.of("x y+z"), "d", List.of("é")));
        for (String bad : List.of("a=%ZZ", "a=%", "a=%4", "name=%FF%FE", "%C3=x", "a=%ED%A0%80")) {
            assertThatThrownBy(() -> QueryString.parse(bad)).as(bad).isInstanceOf(NeutronException.class)
                    .extracting(e -> ((NeutronException) e).status()).isEqualTo(400);
        }
    }
}
