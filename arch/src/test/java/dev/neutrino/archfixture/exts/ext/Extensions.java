package dev.neutrino.archfixture.exts.ext;

import dev.neutrino.archfixture.exts.ext.a.AInternals;
import dev.neutrino.archfixture.exts.ext.b.BHooks;

/** The registration list: may use every extension's classes. */
public class Extensions {
    AInternals a;
    BHooks b;
}
