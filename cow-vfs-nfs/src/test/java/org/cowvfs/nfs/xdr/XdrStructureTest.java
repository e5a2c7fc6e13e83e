package org.cowvfs.nfs.xdr;

import static org.cowvfs.nfs.xdr.XdrTesting.decode;
import static org.cowvfs.nfs.xdr.XdrTesting.encode;
import static org.cowvfs.nfs.xdr.XdrTesting.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import org.cowvfs.nfs.xdr.nfs3.Ftype3;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.junit.jupiter.api.Test;

/** The shared building blocks: bool, optional values, linked lists, enums and void. */
class XdrStructureTest {
    /** A minimal element type for the list tests. */
    private record Word(int value) implements XdrEncodable {
        static Word decode(XdrDecodingStream in) throws IOException {
            return new Word(in.xdrDecodeInt());
        }

        @Override
        public void encode(XdrEncodingStream out) {
            out.xdrEncodeInt(value);
        }
    }

    @Test
    void boolAcceptsOnlyZeroAndOne() throws IOException {
        assertEquals(false, decode(hex("00000000"), XdrBool::decode));
        assertEquals(true, decode(hex("00000001"), XdrBool::decode));
        assertThrows(MalformedXdrException.class, () -> decode(hex("00000002"), XdrBool::decode));
        assertThrows(MalformedXdrException.class, () -> decode(hex("ffffffff"), XdrBool::decode));
    }

    @Test
    void optionalIsABoolThenTheValue() throws IOException {
        assertArrayEquals(hex("00000001 00000007"), encode(out -> XdrOptional.encode(out, new Word(7))));
        assertArrayEquals(hex("00000000"), encode(out -> XdrOptional.encode(out, (XdrEncodable) null)));
        assertEquals(new Word(7), decode(hex("00000001 00000007"), in -> XdrOptional.decode(in, Word::decode)));
        assertNull(decode(hex("00000000"), in -> XdrOptional.decode(in, Word::decode)));
    }

    @Test
    void listIsABoolBeforeEachElementAndAFalseAtTheEnd() throws IOException {
        byte[] bytes = encode(new XdrList<>(List.of(new Word(1), new Word(2))));
        assertArrayEquals(hex("00000001 00000001 00000001 00000002 00000000"), bytes);
        assertEquals(new XdrList<>(List.of(new Word(1), new Word(2))), decode(bytes, XdrList.decoder(Word::decode, 2, "l")));
        assertArrayEquals(hex("00000000"), encode(new XdrList<>(List.of())));
    }

    @Test
    void listWithMoreEntriesThanTheBoundIsRejected() {
        byte[] bytes = encode(new XdrList<>(List.of(new Word(1), new Word(2), new Word(3))));
        MalformedXdrException e = assertThrows(MalformedXdrException.class,
                () -> decode(bytes, XdrList.decoder(Word::decode, 2, "words")));
        assertEquals("words: more than 2 entries", e.getMessage());
    }

    @Test
    void listWithoutItsEndIsRejected() {
        assertThrows(IOException.class,
                () -> decode(hex("00000001 00000001"), XdrList.decoder(Word::decode, 10, "l")));
    }

    @Test
    void enumDecodingRejectsUndefinedValues() throws IOException {
        assertSame(Ftype3.NF3FIFO, decode(hex("00000007"), in -> XdrEnums.decode(in, Ftype3.class)));
        MalformedXdrException e = assertThrows(MalformedXdrException.class,
                () -> decode(hex("00000000"), in -> XdrEnums.decode(in, Ftype3.class)));
        assertEquals("Ftype3: unknown value 0", e.getMessage());
    }

    @Test
    void voidHasNoBytes() throws IOException {
        assertArrayEquals(new byte[0], encode(Empty.INSTANCE));
        assertSame(Empty.INSTANCE, decode(new byte[0], Empty::decode));
    }

    @Test
    void anEmptyHolderHasNoValueToEncode() {
        XdrValue<Word> holder = new XdrValue<>(Word::decode);
        assertThrows(IllegalStateException.class, holder::value);
    }
}
