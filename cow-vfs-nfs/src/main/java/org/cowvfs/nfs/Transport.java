package org.cowvfs.nfs;

import org.cowvfs.nfs.xdr.nfs3.Nfs3Constants;

/**
 * The transport an RPC call arrived on, and the most data one reply may carry over it: the bytes
 * of a READ, the page of a READDIR or READDIRPLUS. The server hands each transport's calls to
 * dispatchers made for it ({@link ExportPrograms#nfs3(Transport)}), so a procedure knows what it
 * may send. Over TCP a reply can be as long as the protocol allows; over UDP it is one datagram,
 * and a reply too large for one is lost, so a client that trusted larger sizes would retransmit
 * forever. RFC 1813 lets the server keep within the limit: FSINFO announces it, a READ may return
 * fewer bytes than asked (with eof false), and the counts of READDIR and READDIRPLUS are upper
 * bounds the server may lower.
 */
public enum Transport {
    /** A TCP connection: records of any length, so the protocol's own limit of 1 MiB. */
    TCP(Nfs3Constants.MAX_DATA_LENGTH),
    /**
     * UDP: 32 KiB, as Linux's nfsd offers over UDP ({@code RPCSVC_MAXPAYLOAD_UDP}). A datagram carries at most 65507 bytes; the
     * largest reply is then a READ of 32768 bytes, plus 104 of READ3resok around them and at most
     * 424 of RPC reply header (with a verifier of the longest, 400 bytes): 33296 in all, half a
     * datagram. Larger would still fit, but each datagram above the network's MTU travels as IP
     * fragments and is lost whole when one fragment is: 23 fragments at an MTU of 1500 rather
     * than 45 for a full datagram.
     */
    UDP(32 * 1024);

    private final int maxTransfer;

    Transport(int maxTransfer) {
        this.maxTransfer = maxTransfer;
    }

    /**
     * The most bytes of file data, or of a whole directory page, one reply may carry; never more
     * than {@link Nfs3Constants#MAX_DATA_LENGTH}.
     *
     * @return the limit in bytes
     */
    public int maxTransfer() {
        return maxTransfer;
    }

    /**
     * Lowers a size a client asked for to what this transport carries.
     *
     * @param requested a {@code count3} as sent, read as unsigned
     * @return the smaller of the two
     */
    public int clamp(int requested) {
        return (int) Math.min(Integer.toUnsignedLong(requested), maxTransfer);
    }
}
