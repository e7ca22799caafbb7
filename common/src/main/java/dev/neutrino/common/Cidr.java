package dev.neutrino.common;

import java.math.BigInteger;

/** An IP network: base address and prefix length. */
public record Cidr(IpAddress address, int prefixLength) {

    /** Parses "a.b.c.d/n" or "x::/n"; a bare address is a host route (/32, /128). */
    public static Cidr parse(String text) {
        if (text == null) throw new IllegalArgumentException("'None' is not a valid IP subnet");
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        IpAddress ip = IpAddress.tryParse(addr);
        if (ip == null) throw new IllegalArgumentException("'" + text + "' is not a valid IP subnet");
        int prefix = ip.bits();
        if (slash >= 0) {
            String p = text.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + text + "' is not a valid IP subnet");
            }
            prefix = Integer.parseInt(p);
            if (prefix > ip.bits()) throw new IllegalArgumentException("'" + text + "' is not a valid IP subnet");
        }
        return new Cidr(ip, prefix);
    }

    public int version() { return address.version(); }

    public BigInteger hostMask() {
        return BigInteger.ONE.shiftLeft(address.bits() - prefixLength).subtract(BigInteger.ONE);
    }

    public IpAddress network() {
        return IpAddress.of(version(), address.value().andNot(hostMask()));
    }

    public IpAddress broadcast() {
        return IpAddress.of(version(), address.value().or(hostMask()));
    }

    /** The canonical form: host bits cleared. */
    public Cidr canonical() {
        return new Cidr(network(), prefixLength);
    }

    public boolean isCanonical() {
        return address.value().equals(network().value());
    }

    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(address.bits() - prefixLength);
    }

    public boolean contains(IpAddress ip) {
        return ip.version() == version() && ip.value().compareTo(network().value()) >= 0
                && ip.value().compareTo(broadcast().value()) <= 0;
    }

    public boolean overlaps(Cidr other) {
        return other.version() == version() && (contains(other.network()) || other.contains(network()));
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
