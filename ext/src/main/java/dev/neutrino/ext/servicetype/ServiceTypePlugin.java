package dev.neutrino.ext.servicetype;

import dev.neutrino.common.Config;
import dev.neutrino.engine.Engine;
import dev.neutrino.policy.Policy;

/** Serves {@link ServiceTypeExtension}'s {@code /v2.0/service-providers} from the configuration. */
public final class ServiceTypePlugin {
    private ServiceTypePlugin() {}

    public static void install(Engine engine, Config config, Policy policy) {
        var providers = ServiceProvider.parse(config.get(ServiceTypeOptions.SERVICE_PROVIDER));
        engine.endpoint(ServiceTypeExtension.PATH, new ServiceProviders(providers, policy)::handle);
    }
}
