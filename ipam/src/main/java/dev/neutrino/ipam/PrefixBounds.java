package dev.neutrino.ipam;

/**
 * A subnet pool's min_prefixlen, max_prefixlen and default_prefixlen, defaulted and checked as
 * Neutron's SubnetPoolReader does.
 */
public record PrefixBounds(int ipVersion, int minPrefixlen, int maxPrefixlen, int defaultPrefixlen) {

    public PrefixBounds {
        if (ipVersion != 4 && ipVersion != 6) throw new IllegalArgumentException("ip version " + ipVersion);
    }

    /**
     * Fills in what the request left out (null): min_prefixlen 8 for IPv4 and 64 for IPv6,
     * max_prefixlen 32 or 128, default_prefixlen = min_prefixlen. Then checks, in Neutron's order:
     * min &gt;= 0 (UnsupportedMinSubnetPoolPrefix), min &lt;= max, max &lt;= 32/128, and
     * min &lt;= default &lt;= max (IllegalSubnetPoolPrefixBounds), all 400.
     */
    public static PrefixBounds resolve(int ipVersion, Integer minPrefixlen, Integer maxPrefixlen,
                                       Integer defaultPrefixlen) {
        int bits = ipVersion == 4 ? 32 : 128;
        int min = minPrefixlen != null ? minPrefixlen : (ipVersion == 4 ? 8 : 64);
        int max = maxPrefixlen != null ? maxPrefixlen : bits;
        int dflt = defaultPrefixlen != null ? defaultPrefixlen : min;
        if (min < 0) throw IpamErrors.unsupportedMinSubnetPoolPrefix(min);
        if (min > max) throw IpamErrors.illegalSubnetPoolPrefixBounds("min_prefixlen", min, "max_prefixlen", max);
        if (max > bits) throw IpamErrors.illegalSubnetPoolPrefixBounds("max_prefixlen", max, "ip_version_max", bits);
        if (dflt < min) throw IpamErrors.illegalSubnetPoolPrefixBounds("default_prefixlen", dflt, "min_prefixlen", min);
        if (dflt > max) throw IpamErrors.illegalSubnetPoolPrefixBounds("default_prefixlen", dflt, "max_prefixlen", max);
        return new PrefixBounds(ipVersion, min, max, dflt);
    }

    /**
     * The check that opens every allocation from the pool (max first, then min).
     *
     * @throws dev.neutrino.common.NeutronException MaxPrefixSubnetAllocationError or
     *     MinPrefixSubnetAllocationError (400)
     */
    public void check(int prefixlen) {
        if (prefixlen > maxPrefixlen) throw IpamErrors.maxPrefixSubnetAllocationError(prefixlen, maxPrefixlen);
        if (prefixlen < minPrefixlen) throw IpamErrors.minPrefixSubnetAllocationError(prefixlen, minPrefixlen);
    }
}
