package dev.neutrino.archfixture.layers.model;

public class ResourceDef {
}
