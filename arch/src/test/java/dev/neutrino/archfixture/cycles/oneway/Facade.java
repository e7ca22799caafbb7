package dev.neutrino.archfixture.cycles.oneway;

import dev.neutrino.archfixture.cycles.oneway.child.Part;

/** Uses its subpackage, which does not use it back: allowed. */
public class Facade {
    Part part;
}
