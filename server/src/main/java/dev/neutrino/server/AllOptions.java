package dev.neutrino.server;

import dev.neutrino.common.Option;
import dev.neutrino.ext.NeutrinoOptions;
import dev.neutrino.keystone.KeystoneAuthConfig;
import dev.neutrino.nova.NovaOptions;
import dev.neutrino.ovn.OvnOptions;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every neutron.conf option Neutrino reads: each module's own ({@link NeutrinoOptions} gathers db,
 * engine, ml2 and ext), OVN's, Keystone's, the Nova notifier's and the server's (its {@code [ssl]} ones in {@link SslOptions}). Options not in this list are warned
 * about and ignored.
 */
public final class AllOptions {
    private AllOptions() {}

    public static final List<Option<?>> ALL = Stream.of(NeutrinoOptions.ALL, OvnOptions.ALL,
            KeystoneAuthConfig.OPTIONS, NovaOptions.ALL, ServerOptions.ALL, SslOptions.ALL).flatMap(List::stream).toList();
}
