package dev.neutrino.archfixture.layers.engine;

public record RequestContext(String projectId) {
}
