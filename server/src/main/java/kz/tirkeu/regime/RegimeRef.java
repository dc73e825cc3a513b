package kz.tirkeu.regime;

/** A regime and the version of its parameters: what an application records it started under. */
public record RegimeRef(String code, int version) {}
