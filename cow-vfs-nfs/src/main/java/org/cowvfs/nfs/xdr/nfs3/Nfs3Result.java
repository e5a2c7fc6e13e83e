package org.cowvfs.nfs.xdr.nfs3;

import java.util.Objects;
import org.cowvfs.nfs.xdr.XdrDecoder;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * The result union shared by every NFS version 3 procedure but NULL (RFC 1813 section 3.3):
 * {@code union XXX3res switch (nfsstat3 status) { case NFS3_OK: XXX3resok resok; default:
 * XXX3resfail resfail; }}. One generic type stands for all 21 {@code XXX3res} unions;
 * {@link Nfs3Procedures} names the {@code resok} and {@code resfail} types of each.
 *
 * @param <O> the {@code resok} type
 * @param <F> the {@code resfail} type
 */
public sealed interface Nfs3Result<O extends XdrEncodable, F extends XdrEncodable> extends XdrEncodable
        permits Nfs3Result.Ok, Nfs3Result.Fail {
    /**
     * The status the result starts with.
     *
     * @return {@link Nfsstat3#NFS3_OK} for {@link Ok}, the error otherwise
     */
    Nfsstat3 status();

    /**
     * Makes the decoder of one procedure's result union.
     *
     * @param resok decodes the {@code resok} arm
     * @param resfail decodes the {@code resfail} arm
     * @param <O> the {@code resok} type
     * @param <F> the {@code resfail} type
     * @return a decoder reading the status and then the arm it selects
     */
    static <O extends XdrEncodable, F extends XdrEncodable> XdrDecoder<Nfs3Result<O, F>> decoder(
            XdrDecoder<O> resok, XdrDecoder<F> resfail) {
        return in -> {
            Nfsstat3 status = Nfsstat3.decode(in);
            return status == Nfsstat3.NFS3_OK
                    ? new Ok<>(resok.decode(in))
                    : new Fail<>(status, resfail.decode(in));
        };
    }

    /**
     * The success arm.
     *
     * @param resok the procedure's {@code resok} body
     * @param <O> the {@code resok} type
     * @param <F> the {@code resfail} type
     */
    record Ok<O extends XdrEncodable, F extends XdrEncodable>(O resok) implements Nfs3Result<O, F> {
        /**
         * Checks that the body is there.
         *
         * @param resok the procedure's {@code resok} body
         */
        public Ok {
            Objects.requireNonNull(resok, "resok");
        }

        @Override
        public Nfsstat3 status() {
            return Nfsstat3.NFS3_OK;
        }

        @Override
        public void encode(XdrEncodingStream out) {
            status().encode(out);
            resok.encode(out);
        }
    }

    /**
     * The failure arm.
     *
     * @param status the error, anything but {@link Nfsstat3#NFS3_OK}
     * @param resfail the procedure's {@code resfail} body
     * @param <O> the {@code resok} type
     * @param <F> the {@code resfail} type
     */
    record Fail<O extends XdrEncodable, F extends XdrEncodable>(Nfsstat3 status, F resfail)
            implements Nfs3Result<O, F> {
        /**
         * Checks that the status is an error and the body is there.
         *
         * @param status the error, anything but {@link Nfsstat3#NFS3_OK}
         * @param resfail the procedure's {@code resfail} body
         */
        public Fail {
            if (status == Nfsstat3.NFS3_OK) {
                throw new IllegalArgumentException("a failed result cannot have status NFS3_OK");
            }
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(resfail, "resfail");
        }

        @Override
        public void encode(XdrEncodingStream out) {
            status.encode(out);
            resfail.encode(out);
        }
    }
}
