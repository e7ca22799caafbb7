package dev.neutrino.ipam;

import static dev.neutrino.ipam.Ips.assertNeutronError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrefixBoundsTest {

    @Test
    void defaultsPerVersion() {
        assertThat(PrefixBounds.resolve(4, null, null, null)).isEqualTo(new PrefixBounds(4, 8, 32, 8));
        assertThat(PrefixBounds.resolve(6, null, null, null)).isEqualTo(new PrefixBounds(6, 64, 128, 64));
        assertThat(PrefixBounds.resolve(4, 16, null, null)).isEqualTo(new PrefixBounds(4, 16, 32, 16));
        assertThat(PrefixBounds.resolve(4, null, 28, 24)).isEqualTo(new PrefixBounds(4, 8, 28, 24));
    }

    @Test
    void negativeMinimumIsUnsupportedAndAlwaysCalledIpv4() {
        assertNeutronError(() -> PrefixBounds.resolve(6, -1, null, null), 400, "UnsupportedMinSubnetPoolPrefix",
                "Prefix '-1' not supported in IPv4 pool.");
    }

    @Test
    void illegalBoundsInNeutronsOrder() {
        assertNeutronError(() -> PrefixBounds.resolve(4, 24, 16, null), 400, "IllegalSubnetPoolPrefixBounds",
                "Illegal prefix bounds: min_prefixlen=24, max_prefixlen=16.");
        assertNeutronError(() -> PrefixBounds.resolve(4, null, 33, null), 400, "IllegalSubnetPoolPrefixBounds",
                "Illegal prefix bounds: max_prefixlen=33, ip_version_max=32.");
        assertNeutronError(() -> PrefixBounds.resolve(6, null, 129, null), 400, "IllegalSubnetPoolPrefixBounds",
                "Illegal prefix bounds: max_prefixlen=129, ip_version_max=128.");
        assertNeutronError(() -> PrefixBounds.resolve(4, 16, 28, 8), 400, "IllegalSubnetPoolPrefixBounds",
                "Illegal prefix bounds: default_prefixlen=8, min_prefixlen=16.");
        assertNeutronError(() -> PrefixBounds.resolve(4, 16, 28, 30), 400, "IllegalSubnetPoolPrefixBounds",
                "Illegal prefix bounds: default_prefixlen=30, max_prefixlen=28.");
        // an IPv6 pool cannot default its minimum above a small explicit maximum
        assertNeutronError(() -> PrefixBounds.resolve(6, null, 48, null), 400, "IllegalSubnetPoolPrefixBounds",
                "Illegal prefix bounds: min_prefixlen=64, max_prefixlen=48.");
    }

    @Test
    void checkRefusesLengthsOutsideTheBoundsMaximumFirst() {
        PrefixBounds bounds = PrefixBounds.resolve(4, 16, 28, 24);
        bounds.check(16);
        bounds.check(28);
        assertNeutronError(() -> bounds.check(29), 400, "MaxPrefixSubnetAllocationError",
                "Unable to allocate subnet with prefix length 29, maximum allowed prefix is 28.");
        assertNeutronError(() -> bounds.check(8), 400, "MinPrefixSubnetAllocationError",
                "Unable to allocate subnet with prefix length 8, minimum allowed prefix is 16.");
    }
}
