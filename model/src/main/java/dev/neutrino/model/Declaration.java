package dev.neutrino.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of pure declarations (an extension's {@link ExtensionDef}s, a resource's
 * {@link ResourceDef}, its tables and constants): what other extensions may import, as any code may
 * import neutron-lib's {@code api/definitions}. An extension's behaviour (hooks, handlers) is not
 * marked and stays its own; the architecture tests keep it so.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Declaration {}
