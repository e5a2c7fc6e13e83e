package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.cowvfs.nfs.xdr.XdrOptional;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code wcc_data} (RFC 1813 section 2.6): weak cache consistency data, the attributes of an
 * object before and after an operation that changed it. {@code pre_op_attr}, a
 * {@code union switch (bool)} of {@link WccAttr} used nowhere else, is the nullable
 * {@code before} field. This type also stands for the results made of one {@code wcc_data}:
 * {@code SETATTR3resok}/{@code resfail}, {@code REMOVE3resok}/{@code resfail},
 * {@code RMDIR3resok}/{@code resfail} and the {@code resfail} of WRITE, CREATE, MKDIR, SYMLINK,
 * MKNOD and COMMIT.
 *
 * @param before the attributes before the operation ({@code pre_op_attr}), or {@code null}
 * @param after the attributes after the operation
 */
public record WccData(WccAttr before, PostOpAttr after) implements XdrEncodable {
    /** Neither before nor after attributes. */
    public static final WccData NONE = new WccData(null, PostOpAttr.NONE);

    /**
     * Reads a {@code wcc_data}.
     *
     * @param in the stream to read from
     * @return the consistency data
     * @throws IOException if the input is truncated or malformed
     */
    public static WccData decode(XdrDecodingStream in) throws IOException {
        return new WccData(XdrOptional.decode(in, WccAttr::decode), PostOpAttr.decode(in));
    }

    @Override
    public void encode(XdrEncodingStream out) {
        XdrOptional.encode(out, before);
        after.encode(out);
    }
}
