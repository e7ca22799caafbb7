package dev.neutrino.engine;

import org.jooq.DSLContext;

/** What a hook gets inside a transaction: the database session and the caller. */
public record Tx(DSLContext dsl, RequestContext ctx) {}
