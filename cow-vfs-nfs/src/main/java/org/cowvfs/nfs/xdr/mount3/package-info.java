/**
 * The XDR types of the MOUNT protocol version 3 (RFC 1813 appendix I): the constants, the
 * arguments and results of its six procedures and the procedure table
 * {@link org.cowvfs.nfs.xdr.mount3.Mount3Procedures}. The mapping conventions are those of
 * {@link org.cowvfs.nfs.xdr}.
 */
package org.cowvfs.nfs.xdr.mount3;
