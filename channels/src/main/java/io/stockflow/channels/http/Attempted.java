package io.stockflow.channels.http;

/** A call's usable answer and how many requests it took to get it. */
public record Attempted<T>(T answer, int attempts) {}
