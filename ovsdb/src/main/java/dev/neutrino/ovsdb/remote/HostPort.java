package dev.neutrino.ovsdb.remote;

/** The {@code HOST[:PORT]} part of a tcp: or ssl: remote, as OVS's inet_parse_active reads it. */
record HostPort(String host, int port) {

    static HostPort parse(String target, String remote) {
        String host;
        String port;
        if (target.startsWith("[")) {
            int close = target.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed [ in \"" + remote + "\"");
            }
            host = target.substring(1, close);
            String rest = target.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException("unexpected \"" + rest + "\" after ] in \"" + remote + "\"");
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        } else if (target.indexOf(':') != target.lastIndexOf(':')) {
            host = target; // a bare IPv6 address: no port can follow it
            port = "";
        } else {
            int colon = target.indexOf(':');
            host = colon < 0 ? target : target.substring(0, colon);
            port = colon < 0 ? "" : target.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in \"" + remote + "\"");
        }
        int number;
        try {
            number = port.isEmpty() ? Remote.DEFAULT_PORT : Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port \"" + port + "\" in \"" + remote + "\"");
        }
        check(host, number);
        return new HostPort(host, number);
    }

    static void check(String host, int port) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    static String format(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
