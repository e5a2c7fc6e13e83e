package org.cowvfs.core.layer;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Interns the layers of one view by directory and writability, so that a {@code .mount} target
 * reached from many directories is one {@link Layer} (one work area, one identity).
 */
public final class LayerRegistry {
    private final ConcurrentMap<Layer, Layer> layers = new ConcurrentHashMap<>();

    /** The layer for {@code root} with the given writability. */
    public Layer layer(Path root, boolean writable) {
        Layer layer = new Layer(root, writable);
        Layer known = layers.putIfAbsent(layer, layer);
        return known == null ? layer : known;
    }
}
