package org.cowvfs.nfs.xdr;

import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * The discriminated unions of RFC 1813 that are records whose arms are nullable fields
 * ({@code set_atime}, {@code createhow3}, {@code mknoddata3}, {@code mountres3}): the check each
 * makes when it is built, that an arm's value is present exactly when the discriminant selects
 * that arm, and the encoding of whichever arm is present. Checking at construction means that
 * encoding, which writes the present arm after the discriminant, can never write the wrong arm.
 */
public final class XdrUnions {
    private XdrUnions() {
    }

    /**
     * Checks one arm of a union.
     *
     * @param type the union's XDR name, for the error message
     * @param discriminant the discriminant's value, for the error message
     * @param selected whether the discriminant selects this arm
     * @param arm the arm's value, or {@code null}
     * @param armName the arm's name, for the error message
     * @throws IllegalArgumentException if the arm is present but not selected, or selected but
     *     absent
     */
    public static void requireArm(String type, Object discriminant, boolean selected, Object arm, String armName) {
        if (selected != (arm != null)) {
            throw new IllegalArgumentException(type + ": " + discriminant + (selected ? " needs " : " takes no ")
                    + armName);
        }
    }

    /**
     * Writes an arm if it is present; an absent arm is a void one and has no bytes.
     *
     * @param out the stream to write to
     * @param arm the arm's value, or {@code null}
     */
    public static void encodeArm(XdrEncodingStream out, XdrEncodable arm) {
        if (arm != null) {
            arm.encode(out);
        }
    }
}
