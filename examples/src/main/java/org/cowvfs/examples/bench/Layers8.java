package org.cowvfs.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code layers-8}: {@link Walk} over the kernel-like tree spread across 8 lower layers, each entry
 * in one of them, compared with the direct walk of the single tree.
 */
final class Layers8 extends BaseWorkload {
    private static final int LAYERS = 8;

    Layers8(DataSet data, Scratch scratch) {
        super("layers-8", Target.ratio(1.5), data, scratch);
    }

    @Override
    public void prepare() throws IOException {
        data.tree();
        layers();
    }

    @Override
    public Trial trial(Side side) throws IOException {
        return SharedRootTrial.of(side, scratch, data.tree(), layers(), Walk::walk);
    }

    private List<Path> layers() throws IOException {
        return layerDirs(data.part("layers-8", dir -> {
            List<Path> layers = layerDirs(dir);
            for (Path layer : layers) {
                Files.createDirectory(layer);
            }
            data.treeShape().writeSplit(layers, 5);
        }));
    }

    private static List<Path> layerDirs(Path part) {
        List<Path> layers = new ArrayList<>();
        for (int i = 0; i < LAYERS; i++) {
            layers.add(part.resolve("layer" + i));
        }
        return layers;
    }
}
