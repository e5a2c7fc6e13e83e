package org.cowvfs.nfs.xdr.nfs3;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import org.cowvfs.nfs.xdr.XdrEncodable;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;

/**
 * {@code mknoddata3} (RFC 1813 section 3.3.11): the union on {@link Ftype3} saying what special
 * file MKNOD makes. Devices (NF3CHR, NF3BLK) carry a {@link Devicedata3} ({@link Device}),
 * sockets and pipes (NF3SOCK, NF3FIFO) their attributes ({@link Pipe}); the other types have a
 * void arm ({@link Other}), which a server answers with NFS3ERR_BADTYPE.
 */
public sealed interface Mknoddata3 extends XdrEncodable
        permits Mknoddata3.Device, Mknoddata3.Pipe, Mknoddata3.Other {
    /** The types of the {@link Device} arm. */
    Set<Ftype3> DEVICE_TYPES = Set.of(Ftype3.NF3CHR, Ftype3.NF3BLK);
    /** The types of the {@link Pipe} arm. */
    Set<Ftype3> PIPE_TYPES = Set.of(Ftype3.NF3SOCK, Ftype3.NF3FIFO);

    /**
     * The discriminant.
     *
     * @return the type of file to create
     */
    Ftype3 type();

    /**
     * Reads a {@code mknoddata3}.
     *
     * @param in the stream to read from
     * @return the union's arm
     * @throws IOException if the input is truncated or malformed
     */
    static Mknoddata3 decode(XdrDecodingStream in) throws IOException {
        Ftype3 type = Ftype3.decode(in);
        if (DEVICE_TYPES.contains(type)) {
            return new Device(type, Devicedata3.decode(in));
        }
        if (PIPE_TYPES.contains(type)) {
            return new Pipe(type, Sattr3.decode(in));
        }
        return new Other(type);
    }

    /**
     * Checks that a discriminant belongs to the arm being made, so that encoding cannot write a
     * discriminant followed by the wrong arm.
     *
     * @param type the discriminant given
     * @param belongs whether it selects the arm
     */
    private static void requireArm(Ftype3 type, boolean belongs) {
        if (!belongs) {
            throw new IllegalArgumentException("mknoddata3: " + type + " does not select this arm");
        }
    }

    /**
     * The arm of block and character devices.
     *
     * @param type {@link Ftype3#NF3CHR} or {@link Ftype3#NF3BLK}
     * @param device the device's attributes and numbers
     */
    record Device(Ftype3 type, Devicedata3 device) implements Mknoddata3 {
        /**
         * Checks the type.
         */
        public Device {
            requireArm(type, DEVICE_TYPES.contains(type));
            Objects.requireNonNull(device, "device");
        }

        @Override
        public void encode(XdrEncodingStream out) {
            type.encode(out);
            device.encode(out);
        }
    }

    /**
     * The arm of sockets and named pipes.
     *
     * @param type {@link Ftype3#NF3SOCK} or {@link Ftype3#NF3FIFO}
     * @param pipeAttributes the initial attributes
     */
    record Pipe(Ftype3 type, Sattr3 pipeAttributes) implements Mknoddata3 {
        /**
         * Checks the type.
         */
        public Pipe {
            requireArm(type, PIPE_TYPES.contains(type));
            Objects.requireNonNull(pipeAttributes, "pipeAttributes");
        }

        @Override
        public void encode(XdrEncodingStream out) {
            type.encode(out);
            pipeAttributes.encode(out);
        }
    }

    /**
     * The void arm: a type MKNOD does not create (regular file, directory, symbolic link).
     *
     * @param type a type of neither other arm
     */
    record Other(Ftype3 type) implements Mknoddata3 {
        /**
         * Checks the type.
         */
        public Other {
            Objects.requireNonNull(type, "type");
            requireArm(type, !DEVICE_TYPES.contains(type) && !PIPE_TYPES.contains(type));
        }

        @Override
        public void encode(XdrEncodingStream out) {
            type.encode(out);
        }
    }
}
