package dev.neutrino.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpAddressTest {
    @Test
    void parsesStrictlyAndPrintsCanonically() {
        assertThat(IpAddress.parse("10.0.0.1").toString()).isEqualTo("10.0.0.1");
        assertThat(IpAddress.parse("2001:DB8:0:0:0:0:0:1").toString()).isEqualTo("2001:db8::1");
        assertThat(IpAddress.parse("2001:db8:0:1:0:0:0:1").toString()).isEqualTo("2001:db8:0:1::1");
        assertThat(IpAddress.parse("::").toString()).isEqualTo("::");
        assertThat(IpAddress.parse("::ffff:10.0.0.1").toString()).isEqualTo("::ffff:a00:1");
        assertThat(IpAddress.parse("fe80::1:0:0:1").toString()).isEqualTo("fe80::1:0:0:1");
        assertThat(IpAddress.parse("fd00::1").compareTo(IpAddress.parse("::1"))).as("upper half sorts high")
                .isPositive();
        assertThat(IpAddress.parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").value()).isEqualTo(IpAddress.V6_MAX);
        for (String bad : new String[] {"10.1", "10.0.0.256", "010.0.0.1", "1::2::3", "12345::", "a.b.c.d", "",
            "1:2:3:4:5:6:7:8:9", "10.0.0.1 "}) {
            assertThat(IpAddress.isValid(bad)).as(bad).isFalse();
        }
        assertThatThrownBy(() -> IpAddress.parse("300.1.1.1")).hasMessageContaining("is not a valid IP address");
    }

    @Test
    void cidrMath() {
        Cidr c = Cidr.parse("10.0.0.0/24");
        assertThat(c.contains(IpAddress.parse("10.0.0.255"))).isTrue();
        assertThat(c.contains(IpAddress.parse("10.0.1.0"))).isFalse();
        assertThat(c.overlaps(Cidr.parse("10.0.0.128/25"))).isTrue();
        assertThat(c.overlaps(Cidr.parse("10.0.1.0/24"))).isFalse();
        assertThat(Cidr.parse("10.0.0.5/24").canonical().toString()).isEqualTo("10.0.0.0/24");
        assertThat(Cidr.parse("10.0.0.5/24").isCanonical()).isFalse();
        assertThat(Cidr.parse("2001:db8::/64").size().bitLength()).isEqualTo(65);
        assertThat(Cidr.parse("10.0.0.1").prefixLength()).isEqualTo(32);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("is not a valid IP subnet");
    }

    @Test
    void sortKeysOrderLikeAddressesAndRoundTrip() {
        assertThat(IpAddress.parse("10.0.0.2").sortKey()).isEqualTo("0a000002");
        assertThat(IpAddress.parse("::1").sortKey()).isEqualTo("00000000000000000000000000000001");
        assertThat(IpAddress.parse("10.0.0.10").sortKey()).isGreaterThan(IpAddress.parse("10.0.0.9").sortKey());
        assertThat(IpAddress.parse("255.255.255.255").sortKey()).isEqualTo("ffffffff");
        for (String s : new String[] {"0.0.0.0", "10.1.2.3", "2001:db8::ff", "ffff::1"}) {
            assertThat(IpAddress.fromSortKey(IpAddress.parse(s).sortKey())).isEqualTo(IpAddress.parse(s));
        }
        assertThatThrownBy(() -> IpAddress.fromSortKey("abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
