package dev.neutrino.ml2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mechanism_drivers = logger}: logs every ML2 call with the resource's id and revision, as
 * Neutron's test "logger" driver does; handy to watch what a backend driver would be told.
 */
public final class LoggerMechanismDriver implements MechanismDriver {
    private static final Logger LOG = LoggerFactory.getLogger(LoggerMechanismDriver.class);

    @Override
    public String name() {
        return "logger";
    }

    @Override
    public void precommit(Ml2Event e) {
        log(e, true);
    }

    @Override
    public void postcommit(Ml2Event e) {
        log(e, false);
    }

    private static void log(Ml2Event e, boolean pre) {
        LOG.info("{} {} revision {} (request {})", e.methodName(pre), e.current().get("id"),
                e.current().get("revision_number"), e.context().requestId());
    }
}
