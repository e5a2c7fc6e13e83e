/**
 * Hand-written XDR (RFC 4506) building blocks shared by the NFS version 3 and MOUNT version 3
 * types of RFC 1813, on top of oncrpc4j's {@link org.dcache.oncrpc4j.xdr.XdrEncodingStream} and
 * {@link org.dcache.oncrpc4j.xdr.XdrDecodingStream}.
 *
 * <p>Conventions used by every type in the sub-packages:
 * <ul>
 *   <li>Values are immutable (records where they fit) with value equality. Each encodes itself
 *       through {@link org.cowvfs.nfs.xdr.XdrEncodable#encode} and is read by a static
 *       {@code decode(XdrDecodingStream)}; {@link org.cowvfs.nfs.xdr.XdrValue} adapts both to
 *       oncrpc4j's mutable {@link org.dcache.oncrpc4j.xdr.XdrAble}.</li>
 *   <li>{@code unsigned int} maps to Java {@code int} and {@code unsigned hyper} to {@code long},
 *       bit for bit: the typedefs {@code uid3}, {@code gid3}, {@code mode3}, {@code count3} are
 *       {@code int} fields and {@code fileid3}, {@code cookie3}, {@code size3}, {@code offset3} are
 *       {@code long} fields; read them with {@link java.lang.Integer#toUnsignedLong} or
 *       {@link java.lang.Long#compareUnsigned} where the sign matters.</li>
 *   <li>An optional value ({@code union switch (bool)}, {@code T *}) is a nullable field with the
 *       boolean discriminant on the wire ({@link org.cowvfs.nfs.xdr.XdrOptional}); a linked list is a
 *       {@link java.util.List} ({@link org.cowvfs.nfs.xdr.XdrList}).</li>
 *   <li>Where RFC 1813 gives several names to one structure (a struct whose only member is
 *       another type, or two procedures with the same result struct), one Java type serves them
 *       all, because XDR encodes them identically; its Javadoc names the RFC types it stands for.</li>
 *   <li>Decoding trusts nothing: every length is checked against a declared bound before anything
 *       is allocated, enums reject unknown values and lists have a bound on their entries. A
 *       violation throws {@link org.cowvfs.nfs.xdr.MalformedXdrException}, an
 *       {@link java.io.IOException} that oncrpc4j's dispatcher answers with GARBAGE_ARGS.</li>
 * </ul>
 */
package org.cowvfs.nfs.xdr;
