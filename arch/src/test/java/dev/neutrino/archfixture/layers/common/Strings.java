package dev.neutrino.archfixture.layers.common;

public class Strings {
}
