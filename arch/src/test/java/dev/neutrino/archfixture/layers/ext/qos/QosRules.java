package dev.neutrino.archfixture.layers.ext.qos;

public class QosRules {
}
