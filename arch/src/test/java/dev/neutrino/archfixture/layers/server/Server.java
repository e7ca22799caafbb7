package dev.neutrino.archfixture.layers.server;

public class Server {
}
