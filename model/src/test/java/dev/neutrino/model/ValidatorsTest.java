package dev.neutrino.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorsTest {
    @Test
    void wordsAsNeutronLibHasThem() {
        assertThat(Validators.string(3).validate("abcd")).isEqualTo("'abcd' exceeds maximum length of 3");
        assertThat(Validators.string(3).validate(5L)).isEqualTo("'5' is not a valid string");
        assertThat(Validators.UUID.validate("nope")).isEqualTo("'nope' is not a valid UUID");
        assertThat(Validators.UUID.validate("0d4f1c4e-5b7a-4d55-8d2f-5b0b6e8f2a11")).isNull();
        assertThat(Validators.SUBNET.validate("10.0.0.5/24")).as("host bits: fine, canonicalized later").isNull();
        assertThat(Validators.SUBNET.validate("10.0.0.5"))
                .isEqualTo("'10.0.0.5' isn't a recognized IP subnet cidr, '10.0.0.5/32' is recommended");
        assertThat(Validators.SUBNET.validate("10.0.0.0/24")).isNull();
        assertThat(Validators.SUBNET.validate("garbage")).isEqualTo("'garbage' is not a valid IP subnet");
        assertThat(Validators.MAC_ADDRESS.validate("fa:16:3e:00:00:01")).isNull();
        assertThat(Validators.MAC_ADDRESS.validate("01:00:5e:00:00:01")).as("multicast").isNotNull();
        assertThat(Validators.MAC_ADDRESS.validate("00:00:00:00:00:00")).isNotNull();
        assertThat(Validators.values(List.of(4, 6)).validate(5)).isEqualTo("'5' is not in [4, 6]");
        assertThat(Validators.NON_NEGATIVE.validate(-1)).isEqualTo("'-1' should be non-negative");
        assertThat(Validators.listOf(Validators.IP_ADDRESS).validate(List.of("1.1.1.1", "1.1.1.1")))
                .startsWith("Duplicate items in the list");
    }

    @Test
    void convertersAcceptWhatQueryStringsAndJsonSend() {
        assertThat(Converters.BOOLEAN.convert("True")).isEqualTo(true);
        assertThat(Converters.BOOLEAN.convert("0")).isEqualTo(false);
        assertThat(Converters.BOOLEAN.convert(true)).isEqualTo(true);
        assertThatThrownBy(() -> Converters.BOOLEAN.convert("abc"))
                .hasMessage("'abc' cannot be converted to boolean");
        assertThat(Converters.INTEGER.convert("42")).isEqualTo(42);
        assertThat(Converters.INTEGER.convert(new BigDecimal("7"))).isEqualTo(7);
        assertThatThrownBy(() -> Converters.INTEGER.convert(new BigDecimal("7.5")))
                .hasMessage("'7.5' is not an integer");
    }

    @Test
    void attributesAreImmutableAndDescribeStorage() {
        Attribute a = Attribute.string("binding:host_id");
        Attribute b = a.post("").put().adminOnly();
        assertThat(a.allowPost()).isFalse();
        assertThat(b.allowPost()).isTrue();
        assertThat(b.isAdminOnlyRead()).isTrue();
        assertThat(b.column()).isEqualTo("binding_host_id");
        assertThat(Attribute.list("tags").storage()).isEqualTo(Storage.JSON);
        assertThat(Attribute.list("tags").computed().storage()).isEqualTo(Storage.NONE);
    }
}
