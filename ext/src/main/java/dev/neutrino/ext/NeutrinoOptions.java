package dev.neutrino.ext;

import dev.neutrino.common.Option;
import dev.neutrino.db.DatabaseOptions;
import dev.neutrino.engine.EngineOptions;
import dev.neutrino.ext.core.CoreOptions;
import dev.neutrino.ext.dns.DnsOptions;
import dev.neutrino.ext.logging.LoggingOptions;
import dev.neutrino.ext.servicetype.ServiceTypeOptions;
import dev.neutrino.ext.vlantransparent.VlanTransparentOptions;
import dev.neutrino.ml2.Ml2Options;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every option of {@link Neutrino} and the modules below it (db, engine, ml2, ext): what
 * {@code Config.defaults(NeutrinoOptions.ALL)} needs to build a {@link Neutrino}. The server adds its
 * own, OVN's and Keystone's.
 */
public final class NeutrinoOptions {
    private NeutrinoOptions() {}

    public static final List<Option<?>> ALL = Stream.of(DatabaseOptions.ALL, EngineOptions.ALL, Ml2Options.ALL,
            CoreOptions.ALL, ServiceTypeOptions.ALL, VlanTransparentOptions.ALL, DnsOptions.ALL,
            LoggingOptions.ALL).flatMap(List::stream).toList();
}
