package dev.neutrino.ext.servicetype;

import dev.neutrino.common.Option;
import java.util.List;

/** neutron.conf's {@code [service_providers]} section. */
public final class ServiceTypeOptions {
    private ServiceTypeOptions() {}

    /**
     * {@code <service_type>:<name>:<driver>[:default]}, one per line (oslo's MultiStrOpt). Zed's
     * ML2/OVN configures none: the list is empty.
     */
    public static final Option<List<String>> SERVICE_PROVIDER = Option.multiString("service_providers",
            "service_provider", "Service providers: <service_type>:<name>:<driver>[:default], one per line.");

    public static final List<Option<?>> ALL = List.of(SERVICE_PROVIDER);
}
