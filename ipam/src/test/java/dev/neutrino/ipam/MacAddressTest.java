package dev.neutrino.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @Test
    void parsesColonOrHyphenSeparatedOctetsAndPrintsLowerCaseColons() {
        assertThat(MacAddress.parse("FA:16:3E:0a:0B:ff")).hasToString("fa:16:3e:0a:0b:ff");
        assertThat(MacAddress.parse("fa-16-3e-01-02-03")).hasToString("fa:16:3e:01:02:03");
        assertThat(MacAddress.parse("fa:16:3e:01:02:03").value()).isEqualTo(0xfa163e010203L);
        assertThat(MacAddress.parse("00:00:00:00:00:00").value()).isZero();
    }

    @Test
    void octetsAreNumberedAsPrinted() {
        MacAddress mac = MacAddress.parse("fa:16:3e:01:02:03");
        assertThat(mac.octet(0)).isEqualTo(0xfa);
        assertThat(mac.octet(5)).isEqualTo(0x03);
        assertThatThrownBy(() -> mac.octet(6)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fa:16:3e:01:02", "fa:16:3e:01:02:03:04", "fa:16-3e:01:02:03", "fa:16:3e:01:02:0g",
        "fa:16:3e:1:02:034", "fa163e010203", "fa:16:3e:01:02:03 ", "\uff10a:16:3e:01:02:03"})
    void rejectsAnythingElse(String text) {
        assertThat(MacAddress.isValid(text)).isFalse();
        assertThatThrownBy(() -> MacAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valueMustFitIn48Bits() {
        assertThatThrownBy(() -> new MacAddress(1L << 48)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MacAddress(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new MacAddress(MacAddress.MAX)).hasToString("ff:ff:ff:ff:ff:ff");
    }
}
