package dev.neutrino.archfixture.layers.ovsdb.sub;

public class Codec {
}
