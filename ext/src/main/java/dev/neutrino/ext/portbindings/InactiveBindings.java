package dev.neutrino.ext.portbindings;

import static dev.neutrino.ext.portbindings.PortBindingsExtension.INACTIVE;
import static dev.neutrino.schema.Tables.PORT_BINDINGS_INACTIVE;

import dev.neutrino.common.Json;
import dev.neutrino.db.Retryable;
import dev.neutrino.db.SqlErrors;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/** A port's INACTIVE bindings, rows of {@code port_bindings_inactive} keyed by port and host. */
final class InactiveBindings {
    private InactiveBindings() {}

    static Binding find(DSLContext dsl, String portId, String host) {
        Record r = dsl.selectFrom(PORT_BINDINGS_INACTIVE).where(key(portId, host)).fetchOne();
        return r == null ? null : of(r);
    }

    static List<Binding> of(DSLContext dsl, String portId) {
        return dsl.selectFrom(PORT_BINDINGS_INACTIVE).where(PORT_BINDINGS_INACTIVE.PORT_ID.eq(portId)).fetch()
                .map(InactiveBindings::of);
    }

    /** A new row; a racing insert of the same host retries the transaction, which then sees it. */
    static void insert(DSLContext dsl, String portId, Binding b) {
        try {
            dsl.insertInto(PORT_BINDINGS_INACTIVE)
                    .set(PORT_BINDINGS_INACTIVE.PORT_ID, portId)
                    .set(PORT_BINDINGS_INACTIVE.HOST, b.host())
                    .set(PORT_BINDINGS_INACTIVE.VNIC_TYPE, b.vnicType())
                    .set(PORT_BINDINGS_INACTIVE.PROFILE, Json.write(b.profile()))
                    .set(PORT_BINDINGS_INACTIVE.VIF_TYPE, b.vifType())
                    .set(PORT_BINDINGS_INACTIVE.VIF_DETAILS, Json.write(b.vifDetails()))
                    .execute();
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) throw new Retryable("binding of port " + portId + " on " + b.host());
            throw e;
        }
    }

    /** The row of {@code host} replaced by {@code b} (which may name another host). */
    static void replace(DSLContext dsl, String portId, String host, Binding b) {
        delete(dsl, portId, host);
        insert(dsl, portId, b);
    }

    static void delete(DSLContext dsl, String portId, String host) {
        dsl.deleteFrom(PORT_BINDINGS_INACTIVE).where(key(portId, host)).execute();
    }

    private static Condition key(String portId, String host) {
        return PORT_BINDINGS_INACTIVE.PORT_ID.eq(portId).and(PORT_BINDINGS_INACTIVE.HOST.eq(host));
    }

    @SuppressWarnings("unchecked")
    private static Binding of(Record r) {
        return new Binding(r.get(PORT_BINDINGS_INACTIVE.HOST), r.get(PORT_BINDINGS_INACTIVE.VIF_TYPE),
                r.get(PORT_BINDINGS_INACTIVE.VNIC_TYPE), (Map<String, Object>) json(r.get(PORT_BINDINGS_INACTIVE.PROFILE)),
                (Map<String, Object>) json(r.get(PORT_BINDINGS_INACTIVE.VIF_DETAILS)), INACTIVE);
    }

    private static Object json(String text) {
        return text == null || text.isEmpty() ? Map.of() : Json.read(text);
    }
}
