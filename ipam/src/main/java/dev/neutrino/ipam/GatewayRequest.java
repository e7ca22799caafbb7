package dev.neutrino.ipam;

import dev.neutrino.common.IpAddress;
import java.util.Objects;

/**
 * What a subnet request says about {@code gateway_ip}: nothing (Neutron picks a default on create,
 * keeps the current one on update), an explicit JSON null (no gateway), or an address.
 */
public sealed interface GatewayRequest {

    static GatewayRequest unspecified() {
        return Unspecified.INSTANCE;
    }

    static GatewayRequest none() {
        return NoGateway.INSTANCE;
    }

    static GatewayRequest of(IpAddress address) {
        return new Explicit(address);
    }

    /** {@code gateway_ip} absent from the request. */
    enum Unspecified implements GatewayRequest { INSTANCE }

    /** {@code "gateway_ip": null}. */
    enum NoGateway implements GatewayRequest { INSTANCE }

    /** {@code "gateway_ip": "<address>"}. */
    record Explicit(IpAddress address) implements GatewayRequest {
        public Explicit {
            Objects.requireNonNull(address, "address");
        }
    }
}
