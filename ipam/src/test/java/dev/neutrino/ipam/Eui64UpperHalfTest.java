package dev.neutrino.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Cidr;
import org.junit.jupiter.api.Test;

/** OpenStack MACs (fa:16:3e) give interface ids with the top bit set; they must not wrap. */
class Eui64UpperHalfTest {
    @Test
    void openstackMacOnUlaPrefix() {
        assertThat(Eui64.address(Cidr.parse("fd00::/64"), "fa:16:3e:d5:f7:f3").toString())
                .isEqualTo("fd00::f816:3eff:fed5:f7f3");
        assertThat(Eui64.address(Cidr.parse("2001:db8::/64"), "fa:16:3e:00:00:01").toString())
                .isEqualTo("2001:db8::f816:3eff:fe00:1");
    }
}
