package dev.neutrino.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class MacGeneratorTest {

    /** Returns the same bits every time. */
    private static RandomGenerator constant(long bits) {
        return () -> bits;
    }

    @Test
    void defaultBaseMacKeepsTheOuiAndRandomizesThreeOctets() {
        MacGenerator generator = new MacGenerator(MacGenerator.DEFAULT_BASE_MAC, constant(0x123456789abcdefL));
        assertThat(generator.randomOctets()).isEqualTo(3);
        assertThat(generator.next()).hasToString("fa:16:3e:ab:cd:ef");
    }

    @Test
    void nonZeroFourthOctetIsKept() {
        MacGenerator generator = new MacGenerator("fa:16:3e:4f:00:00", constant(-1L));
        assertThat(generator.randomOctets()).isEqualTo(2);
        assertThat(generator.next()).hasToString("fa:16:3e:4f:ff:ff");
    }

    @Test
    void lastTwoOctetsAreRandomEvenWhenBaseMacSetsThem() {
        // Neutron only ever keeps the first three or four octets of base_mac
        MacGenerator generator = new MacGenerator("fa:16:3e:00:ab:cd", constant(0L));
        assertThat(generator.next()).hasToString("fa:16:3e:00:00:00");
        MacGenerator four = new MacGenerator("FA:16:3E:01:AB:CD", constant(0x0102030405L));
        assertThat(four.next()).hasToString("fa:16:3e:01:04:05");
    }

    @Test
    void seededGeneratorsRepeatAndVary() {
        MacGenerator a = new MacGenerator(MacGenerator.DEFAULT_BASE_MAC, new SplittableRandom(42));
        MacGenerator b = new MacGenerator(MacGenerator.DEFAULT_BASE_MAC, new SplittableRandom(42));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            MacAddress mac = a.next();
            assertThat(mac).isEqualTo(b.next());
            assertThat(mac.toString()).startsWith("fa:16:3e:");
            seen.add(mac.toString());
        }
        assertThat(seen).hasSizeGreaterThan(95);
    }

    @Test
    void malformedBaseMacIsRefused() {
        assertThatThrownBy(() -> new MacGenerator("fa:16:3e", new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fa:16:3e");
        assertThatThrownBy(() -> new MacGenerator("fa:16:3e:00:00:0", new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
