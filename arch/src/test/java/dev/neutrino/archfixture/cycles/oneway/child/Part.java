package dev.neutrino.archfixture.cycles.oneway.child;

public class Part {
}
