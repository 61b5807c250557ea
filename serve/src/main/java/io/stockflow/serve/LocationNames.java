package io.stockflow.serve;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Location names numbered once each: a shop has a handful of locations and a million positions, so a position keeps a
 * 16-bit number instead of a reference to its location's name.
 */
final class LocationNames {
    static final int MAX = 1 << 16;
    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<String> names = new CopyOnWriteArrayList<>();

    /** The location's number, given it on first sight; -1 once {@link #MAX} locations are numbered. */
    synchronized int id(String location) {
        Integer id = ids.get(location);
        if (id != null) return id;
        if (names.size() >= MAX) return -1;
        names.add(location);
        ids.put(location, names.size() - 1);
        return names.size() - 1;
    }

    String name(int id) {
        return names.get(id);
    }
}
