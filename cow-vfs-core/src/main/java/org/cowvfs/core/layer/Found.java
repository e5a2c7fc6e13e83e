package org.cowvfs.core.layer;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The visible copy of a name in a directory stack.
 *
 * @param index the position in the directory's stack of the layer holding it
 * @param entry that layer's contribution to the directory
 * @param real the copy's real path
 * @param attrs its attributes, read without following links
 */
public record Found(int index, StackEntry entry, Path real, BasicFileAttributes attrs) {
}
