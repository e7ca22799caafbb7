package dev.neutrino.ipam;

import dev.neutrino.common.Cidr;
import dev.neutrino.common.IpAddress;
import dev.neutrino.common.NeutronException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Shorthands for tests. */
final class Ips {
    private Ips() {}

    static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    static Cidr cidr(String text) {
        return Cidr.parse(text);
    }

    static AllocationPool pool(String start, String end) {
        return AllocationPool.of(start, end);
    }

    static List<Cidr> cidrs(String... texts) {
        return java.util.Arrays.stream(texts).map(Cidr::parse).toList();
    }

    /** Asserts a NeutronException with exactly this status, type and message. */
    static void assertNeutronError(ThrowingCallable call, int status, String type, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(NeutronException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.type()).isEqualTo(type);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).isEqualTo(message);
                    org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(status);
                });
    }
}
