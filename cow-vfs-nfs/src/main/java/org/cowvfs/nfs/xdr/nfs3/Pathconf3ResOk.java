package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrBool;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code PATHCONF3resok} (RFC 1813 section 3.3.20): the POSIX {@code pathconf} values of a file
 * system. {@code PATHCONF3args} is an {@link NfsFh3} and {@code PATHCONF3resfail} a
 * {@link PostOpAttr}.
 *
 * @param objAttributes the object's attributes
 * @param linkmax the most hard links to an object
 * @param nameMax the longest file name
 * @param noTrunc whether a longer name is rejected rather than truncated
 * @param chownRestricted whether only a privileged user may change a file's owner
 * @param caseInsensitive whether names are compared without regard to case
 * @param casePreserving whether names keep the case they were created with
 */
public record Pathconf3ResOk(
        PostOpAttr objAttributes,
        int linkmax,
        int nameMax,
        boolean noTrunc,
        boolean chownRestricted,
        boolean caseInsensitive,
        boolean casePreserving) implements XdrEncodable {
    /**
     * Reads a {@code PATHCONF3resok}.
     *
     * @param in the stream to read from
     * @return the result
     * @throws IOException if the input is truncated or malformed
     */
    public static Pathconf3ResOk decode(XdrDecodingStream in) throws IOException {
        return new Pathconf3ResOk(
                PostOpAttr.decode(in),
                in.xdrDecodeInt(),
                in.xdrDecodeInt(),
                XdrBool.decode(in),
                XdrBool.decode(in),
                XdrBool.decode(in),
                XdrBool.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        objAttributes.encode(out);
        out.xdrEncodeInt(linkmax);
        out.xdrEncodeInt(nameMax);
        out.xdrEncodeBoolean(noTrunc);
        out.xdrEncodeBoolean(chownRestricted);
        out.xdrEncodeBoolean(caseInsensitive);
        out.xdrEncodeBoolean(casePreserving);
    }
}
