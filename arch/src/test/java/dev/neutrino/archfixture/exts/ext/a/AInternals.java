package dev.neutrino.archfixture.exts.ext.a;

/** Behaviour of extension a: no other extension may use it. */
public class AInternals {
    public static void apply() {
    }
}
