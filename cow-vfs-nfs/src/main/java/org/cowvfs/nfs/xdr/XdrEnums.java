package org.cowvfs.nfs.xdr;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;

/**
 * Decoding of any {@link XdrEnum}: reads the wire value and maps it to its constant, rejecting the
 * values the enum does not define (RFC 4506 section 4.3 makes any other value an error). One
 * shared lookup spares every enum of RFC 1813 its own table.
 */
public final class XdrEnums {
    private static final ClassValue<Map<Integer, Object>> BY_VALUE = new ClassValue<>() {
        @Override
        protected Map<Integer, Object> computeValue(Class<?> type) {
            Map<Integer, Object> byValue = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byValue.put(((XdrEnum) constant).value(), constant);
            }
            return Map.copyOf(byValue);
        }
    };

    private XdrEnums() {
    }

    /**
     * Reads one enum value.
     *
     * @param in the stream to read from
     * @param type the enum class
     * @param <E> the enum type
     * @return the constant with the wire value read
     * @throws IOException if the input is truncated or the value is not one of the enum's
     */
    public static <E extends Enum<E> & XdrEnum> E decode(XdrDecodingStream in, Class<E> type) throws IOException {
        int value = in.xdrDecodeInt();
        Object constant = BY_VALUE.get(type).get(value);
        if (constant == null) {
            throw new MalformedXdrException(type.getSimpleName() + ": unknown value " + value);
        }
        return type.cast(constant);
    }
}
