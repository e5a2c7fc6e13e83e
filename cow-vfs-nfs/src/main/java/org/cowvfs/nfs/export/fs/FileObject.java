package org.cowvfs.nfs.export.fs;

import java.nio.file.Path;

/**
 * A file of the export as one procedure sees it: its object id, the view path it was found at and
 * its attributes read then, which are also the pre-operation attributes of any change.
 *
 * @param id the object id, which its handle carries
 * @param path where it is in the view
 * @param attrs its attributes when resolved
 */
public record FileObject(long id, Path path, UnixAttrs attrs) {
}
