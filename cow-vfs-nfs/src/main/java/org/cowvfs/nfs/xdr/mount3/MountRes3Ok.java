package org.cowvfs.nfs.xdr.mount3;

import static org.cowvfs.nfs.xdr.mount3.Mount3Constants.MAX_AUTH_FLAVORS;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.cowvfs.nfs.xdr.MalformedXdrException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.nfs3.NfsFh3;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code mountres3_ok} (RFC 1813 appendix I, section 5.2.1): the root file handle of a mounted
 * export ({@code fhandle3}, which is an {@link NfsFh3}) and the RPC authentication flavors the
 * client may use with it ({@code int auth_flavors<>}, at most
 * {@link Mount3Constants#MAX_AUTH_FLAVORS} on decoding).
 *
 * @param fhandle the export's root handle
 * @param authFlavors the accepted flavors, e.g. 1 for AUTH_SYS, in the server's order of
 *     preference
 */
public record MountRes3Ok(NfsFh3 fhandle, List<Integer> authFlavors) implements XdrEncodable {
    /**
     * Copies the flavors, so the list cannot change afterwards.
     *
     * @param fhandle the export's root handle
     * @param authFlavors the accepted flavors, e.g. 1 for AUTH_SYS, in the server's order of
     *     preference
     */
    public MountRes3Ok {
        authFlavors = List.copyOf(authFlavors);
    }

    /**
     * Reads a {@code mountres3_ok}.
     *
     * @param in the stream to read from
     * @return the result
     * @throws IOException if the input is truncated or malformed, or lists too many flavors
     */
    public static MountRes3Ok decode(XdrDecodingStream in) throws IOException {
        NfsFh3 fhandle = NfsFh3.decode(in);
        int count = in.xdrDecodeInt();
        // Checked before allocating: the count comes from the peer.
        if (count < 0 || count > MAX_AUTH_FLAVORS) {
            throw new MalformedXdrException("mountres3_ok: " + Integer.toUnsignedString(count)
                    + " auth flavors, more than " + MAX_AUTH_FLAVORS);
        }
        List<Integer> flavors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            flavors.add(in.xdrDecodeInt());
        }
        return new MountRes3Ok(fhandle, flavors);
    }

    @Override
    public void encode(XdrEncodingStream out) {
        fhandle.encode(out);
        out.xdrEncodeInt(authFlavors.size());
        authFlavors.forEach(out::xdrEncodeInt);
    }
}
