package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import java.util.Objects;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code createhow3} (RFC 1813 section 3.3.8): the union on {@link Createmode3} saying how CREATE
 * makes the file. UNCHECKED and GUARDED carry the initial attributes ({@link Attributes});
 * EXCLUSIVE carries only the {@code createverf3} by which the server recognises a retransmitted
 * create ({@link Exclusive}).
 */
public sealed interface CreateHow3 extends XdrEncodable permits CreateHow3.Attributes, CreateHow3.Exclusive {
    /**
     * The discriminant.
     *
     * @return the create mode
     */
    Createmode3 mode();

    /**
     * Reads a {@code createhow3}.
     *
     * @param in the stream to read from
     * @return the union's arm
     * @throws IOException if the input is truncated or malformed
     */
    static CreateHow3 decode(XdrDecodingStream in) throws IOException {
        Createmode3 mode = Createmode3.decode(in);
        return mode == Createmode3.EXCLUSIVE
                ? new Exclusive(Verifier3.decode(in))
                : new Attributes(mode, Sattr3.decode(in));
    }

    /**
     * The UNCHECKED and GUARDED arms: create with initial attributes.
     *
     * @param mode {@link Createmode3#UNCHECKED} or {@link Createmode3#GUARDED}
     * @param objAttributes the initial attributes
     */
    record Attributes(Createmode3 mode, Sattr3 objAttributes) implements CreateHow3 {
        /**
         * Checks that the mode is one that carries attributes.
         */
        public Attributes {
            if (mode == Createmode3.EXCLUSIVE) {
                throw new IllegalArgumentException("EXCLUSIVE create carries a verifier, not attributes");
            }
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(objAttributes, "objAttributes");
        }

        @Override
        public void encode(XdrEncodingStream out) {
            mode.encode(out);
            objAttributes.encode(out);
        }
    }

    /**
     * The EXCLUSIVE arm: create once, identified by a verifier.
     *
     * @param verf the client's create verifier ({@code createverf3})
     */
    record Exclusive(Verifier3 verf) implements CreateHow3 {
        @Override
        public Createmode3 mode() {
            return Createmode3.EXCLUSIVE;
        }

        @Override
        public void encode(XdrEncodingStream out) {
            mode().encode(out);
            verf.encode(out);
        }
    }
}
