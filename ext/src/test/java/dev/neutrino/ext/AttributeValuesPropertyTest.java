package dev.neutrino.ext;

import static org.assertj.core.api.Assertions.assertThat;

import dev.neutrino.common.Config;
import dev.neutrino.common.NeutronException;
import dev.neutrino.engine.Requests;
import dev.neutrino.engine.ResourceService;
import dev.neutrino.ml2.Ml2Options;
import dev.neutrino.model.Attribute;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every attribute the server declares (every resource, every extension's additions, every ML2
 * extension driver loaded), given any JSON value a client can send — null, booleans, huge and
 * fractional numbers, odd strings, nested lists and objects — either converts and validates or
 * is refused with a 4xx {@link NeutronException}: never any other exception (a 500).
 */
class AttributeValuesPropertyTest {
    /** resource/attribute, for the report of a failing try. */
    record Declared(String resource, Attribute attribute) {
        @Override
        public String toString() {
            return resource + "." + attribute.name();
        }
    }

    static final List<Declared> DECLARED = declared();

    private static List<Declared> declared() {
        Config all = Config.defaults(NeutrinoOptions.ALL).with(Ml2Options.EXTENSION_DRIVERS,
                Neutrino.EXTENSION_DRIVERS.stream().map(d -> d.name()).toList());
        List<Declared> out = new ArrayList<>();
        for (ResourceService s : new Neutrino(all, null).engine().services()) {
            for (Attribute a : s.def().attributes()) out.add(new Declared(s.def().singular(), a));
        }
        return out;
    }

    @Example
    void everyDeclaredAttributeIsCovered() {
        assertThat(DECLARED).hasSizeGreaterThan(150);
        assertThat(DECLARED.stream().map(Declared::toString)).contains("port.binding:vnic_type",
                "security_group_rule.ethertype", "rbac_policy.object_type", "subnet.host_routes", "network.created_at");
    }

    @Property(tries = 8000)
    void anyJsonValueConvertsOrIsA4xx(@ForAll("attributes") Declared declared, @ForAll("json") Object value) {
        try {
            Requests.convertAndValidate(declared.attribute(), value);
        } catch (NeutronException e) {
            assertThat(e.status()).as("%s = %s: %s", declared, value, e.getMessage()).isBetween(400, 499);
        }
    }

    /** A filter value comes as a string from the query: the same converter and validator apply. */
    @Property(tries = 2000)
    void anyQueryStringValueConvertsOrIsA4xx(@ForAll("attributes") Declared declared, @ForAll("strings") String value) {
        try {
            Requests.convertAndValidate(declared.attribute(), value);
        } catch (NeutronException e) {
            assertThat(e.status()).as("%s = %s: %s", declared, value, e.getMessage()).isBetween(400, 499);
        }
    }

    @Provide
    Arbitrary<Declared> attributes() {
        return Arbitraries.of(DECLARED);
    }

    @Provide
    Arbitrary<String> strings() {
        return JsonValues.strings();
    }

    @Provide
    Arbitrary<Object> json() {
        return JsonValues.any();
    }

    /** Generators of JSON values as Jackson parses a request body (BigDecimal for fractions, Integer/Long/BigInteger). */
    static final class JsonValues {
        private JsonValues() {}

        /** Strings validators look at twice: addresses, CIDRs, MACs, UUIDs, enum values, odd Unicode. */
        static final List<String> INTERESTING = List.of("", " ", "x", "None", "null", "true", "false", "True", "1", "0",
                "-1", "1.0", "1e400", "yes", "t", "10.0.0.1", "10.0.0.0/24", "10.0.0.1/24", "0.0.0.0/0", "127.0.0.0/8",
                "::1", "::/0", "fe80::1/64", "2001:db8::/64", "10.0.0.256", "1.2.3", "fa:16:3e:00:00:01",
                "01:00:00:00:00:00", "00:00:00:00:00:00", "c6f1c0e2-4d9e-4a0e-9f51-6e0e4a1c7f7a",
                "c6f1c0e24d9e4a0e9f516e0e4a1c7f7a", "IPv4", "IPv6", "ingress", "egress", "tcp", "icmp", "6",
                "normal", "direct", "network", "access_as_shared", "access_as_external", "*", "slaac",
                "dhcpv6-stateful", "flat", "vlan", "geneve", "physnet1", "required", "legacy", "compute:nova",
                "network:router_interface", "2020-01-01T00:00:00Z", "2020-13-45T99:99:99Z", "x".repeat(256),
                "\u0000", "\uD800", "\uDBFF\uDFFF", "é", "😀", "\u202E", "a\nb", "%ZZ", "../..", "<script>",
                "opt_name", "ip_address", "subnet_id", "destination", "nexthop");

        static Arbitrary<String> strings() {
            return Arbitraries.oneOf(Arbitraries.of(INTERESTING), Arbitraries.strings().ofMaxLength(40),
                    Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(10));
        }

        static Arbitrary<Object> scalars() {
            return Arbitraries.oneOf(
                    Arbitraries.of(Boolean.TRUE, Boolean.FALSE),
                    Arbitraries.integers().map(i -> (Object) i),
                    Arbitraries.of(0, 1, -1, 2, 4, 6, 32, 64, 128, 255, 256, 65535, 65536, 4095, 4094, 9000)
                            .map(i -> (Object) i),
                    Arbitraries.longs().filter(l -> l > Integer.MAX_VALUE || l < Integer.MIN_VALUE).map(l -> (Object) l),
                    Arbitraries.of(BigInteger.TWO.pow(70), BigInteger.TWO.pow(64).negate()).map(b -> (Object) b),
                    Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-1e400"), new BigDecimal("1.0"),
                            new BigDecimal("0.5"), new BigDecimal("-0.0"), new BigDecimal("1E-400"))
                            .map(d -> (Object) d),
                    strings().map(s -> (Object) s))
                    .injectNull(0.1);
        }

        static Arbitrary<Object> any() {
            return Arbitraries.recursive(JsonValues::scalars, JsonValues::containers, 0, 3);
        }

        private static Arbitrary<Object> containers(Arbitrary<Object> inner) {
            Arbitrary<Object> lists = inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l));
            Arbitrary<Object> maps = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(INTERESTING),
                    Arbitraries.strings().ofMaxLength(8)), inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m));
            return Arbitraries.oneOf(inner, lists, maps);
        }
    }
}
