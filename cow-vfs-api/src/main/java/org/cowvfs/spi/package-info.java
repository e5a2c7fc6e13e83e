/**
 * Service interfaces between the API and its implementation in cow-vfs-core, found through
 * {@link java.util.ServiceLoader}. Not for applications.
 */
package org.cowvfs.spi;
