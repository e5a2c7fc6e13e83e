/**
 * The export's view of the cow: file system: handles resolved to view paths and checked against
 * the object table, attributes read through the {@code unix} view and mapped to NFS records, and
 * java.nio exceptions mapped to {@code nfsstat3}.
 */
package org.cowvfs.nfs.export.fs;
