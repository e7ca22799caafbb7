package dev.neutrino.ipam;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Random port MAC addresses from Neutron's {@code base_mac} option (default fa:16:3e:00:00:00),
 * as neutron_lib.utils.net.random_mac_generator makes them: the first three octets are kept; the
 * fourth is kept when it is not 00 and random otherwise; the last two are always random, whatever
 * base_mac says.
 */
public final class MacGenerator {
    public static final String DEFAULT_BASE_MAC = "fa:16:3e:00:00:00";

    private final long fixedBits;
    private final int randomOctets;
    private final RandomGenerator random;

    /**
     * @param baseMac the base_mac option: six two-digit hex octets
     * @throws IllegalArgumentException when base_mac is not a MAC address
     */
    public MacGenerator(String baseMac, RandomGenerator random) {
        int[] octets = MacAddress.octets(baseMac);
        if (octets == null) throw new IllegalArgumentException("base_mac '" + baseMac + "' is not a MAC address");
        this.random = Objects.requireNonNull(random, "random");
        this.randomOctets = octets[3] == 0 ? 3 : 2;
        long fixed = 0;
        for (int i = 0; i < 6 - randomOctets; i++) fixed = (fixed << 8) | octets[i];
        this.fixedBits = fixed << (8 * randomOctets);
    }

    /** How many trailing octets are random: 3, or 2 when base_mac's fourth octet is not 00. */
    public int randomOctets() {
        return randomOctets;
    }

    public MacAddress next() {
        long randomBits = random.nextLong() & ((1L << (8 * randomOctets)) - 1);
        return new MacAddress(fixedBits | randomBits);
    }
}
