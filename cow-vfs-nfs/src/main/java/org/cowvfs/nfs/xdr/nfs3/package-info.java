/**
 * The XDR types of NFS version 3 (RFC 1813 sections 2 and 3): the basic data types, the
 * arguments and results of the 22 procedures, the constants and the procedure table
 * {@link org.cowvfs.nfs.xdr.nfs3.Nfs3Procedures}. The mapping conventions are those of
 * {@link org.cowvfs.nfs.xdr}.
 */
package org.cowvfs.nfs.xdr.nfs3;
