package dev.neutrino.ext.logging;

import static dev.neutrino.model.Attribute.bool;
import static dev.neutrino.model.Attribute.string;

import dev.neutrino.model.Declaration;
import dev.neutrino.model.ExtensionDef;
import dev.neutrino.model.ResourceDef;
import dev.neutrino.model.Validators;
import java.util.List;

/**
 * neutron_lib/api/definitions/logging.py: network log objects ({@code /v2.0/log/logs}) and the
 * loggable resource types ({@code GET /v2.0/log/loggable-resources}, {@link LoggableResources}), as
 * Zed's {@code log} service plugin serves them with its OVN driver (security groups only). Zed's
 * policies (neutron/conf/policies/logging.py, admin only) are in the policy module's Zed file.
 */
@Declaration
public final class LoggingExtension {
    private LoggingExtension() {}

    public static final String ACCEPT = "ACCEPT";
    public static final String DROP = "DROP";
    public static final String ALL_EVENTS = "ALL";
    /** neutron_lib.services.logapi.constants.SECURITY_GROUP: the one type ML2/OVN's driver logs. */
    public static final String SECURITY_GROUP = "security_group";

    public static final ResourceDef LOG = ResourceDef.builder("log", "logs")
            .path("log/logs")
            .project()
            .name()
            .standardWithoutTags()
            .add(string("resource_type").required().validate(Validators.string(36)).query())
            .add(string("resource_id").post(null).validate(Validators.UUID_OR_NONE).query())
            .add(string("event").post(ALL_EVENTS).validate(Validators.valuesAsZed(List.of(ACCEPT, DROP, ALL_EVENTS)))
                    .filter())
            .add(string("target_id").post(null).validate(Validators.UUID_OR_NONE).query())
            .add(bool("enabled").post(true).put().query())
            .build();

    public static final ExtensionDef LOGGING = ExtensionDef.builder("logging",
            "Logging API Extension",
            "Provides a logging API for resources such as security group and firewall.",
            "2017-01-01T10:00:00-00:00")
            .resource(LOG)
            .build();

    /** Every extension of this package, in the order {@code GET /v2.0/extensions} would list them. */
    public static final List<ExtensionDef> ALL = List.of(LOGGING);
}
