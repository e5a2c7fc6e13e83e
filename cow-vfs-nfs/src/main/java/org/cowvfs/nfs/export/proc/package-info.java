/**
 * The procedures of NFS version 3 and MOUNT version 3, in small groups by subject, each a Java
 * method from decoded arguments to a result record, and the route tables that wire them to the
 * dispatchers.
 */
package org.cowvfs.nfs.export.proc;
