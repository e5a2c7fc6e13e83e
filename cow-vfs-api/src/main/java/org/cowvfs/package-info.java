/**
 * Public types of cow-vfs: the typed configuration ({@link org.cowvfs.CowConfig}), test sandboxes
 * ({@link org.cowvfs.CowSandbox}), the whiteout formats, the {@link org.cowvfs.CowFileSystem}
 * extension interface with its {@link org.cowvfs.Change} records, the read-only {@code cow}
 * attribute view and the exceptions a view raises beyond the JDK's own.
 *
 * <p>The implementation lives in {@code cow-vfs-core}, found through
 * {@code META-INF/services/java.nio.file.spi.FileSystemProvider}; code written against this module
 * and {@code java.nio.file} never needs to name a core class.
 */
package org.cowvfs;
