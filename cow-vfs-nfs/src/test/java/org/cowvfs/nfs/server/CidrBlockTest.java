package org.cowvfs.nfs.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CidrBlockTest {
    @ParameterizedTest
    @CsvSource({
        "127.0.0.1/32, 127.0.0.1, true",
        "127.0.0.1/32, 127.0.0.2, false",
        "10.0.0.0/8, 10.255.1.2, true",
        "10.0.0.0/8, 11.0.0.0, false",
        "192.168.4.0/22, 192.168.7.255, true",
        "192.168.4.0/22, 192.168.8.0, false",
        "0.0.0.0/0, 203.0.113.9, true",
        "0.0.0.0/0, ::1, false",
        "127.0.0.1, 127.0.0.1, true",
        "::1/128, ::1, true",
        "::1, ::2, false",
        "fd00::/8, fd12:3456::1, true",
        "fd00::/8, fe80::1, false",
        "2001:db8::/33, 2001:db8:7fff::1, true",
        "2001:db8::/33, 2001:db8:8000::1, false",
        "::/0, 10.0.0.1, false",
    })
    void containsExactlyTheAddressesOfItsPrefix(String block, String address, boolean expected)
            throws UnknownHostException {
        assertEquals(expected, CidrBlock.parse(block).contains(InetAddress.getByName(address)));
    }

    @Test
    void printsInCanonicalForm() {
        assertEquals("10.0.0.0/8", CidrBlock.parse("10.0.0.0/8").toString());
        assertEquals("127.0.0.1/32", CidrBlock.parse("127.0.0.1").toString());
        assertEquals("fd00:0:0:0:0:0:0:0/8", CidrBlock.parse("fd00::/8").toString());
        assertEquals(CidrBlock.parse("fd00::/8"), CidrBlock.parse("FD00:0::/8"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/8", "10.0.0.0/", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/x",
        "10.0.0/8", "256.0.0.0/8", "localhost", "example.org/32", "10.0.0.0/8/8", "[::1]/128", ":::/0",
        "fe80::1%lo/128"})
    void refusesAnythingButALiteralWithAPrefixInRange(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CidrBlock.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @Test
    void refusesBitsBeyondThePrefixAndSaysWhichBlockWasMeant() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CidrBlock.parse("10.1.2.3/8"));
        assertTrue(e.getMessage().contains("'10.1.2.3/8'"), e.getMessage());
        assertTrue(e.getMessage().contains("10.0.0.0/8"), e.getMessage());
    }

    @Test
    void allowListDefaultsToLocalhostOnly() throws UnknownHostException {
        assertTrue(AllowList.LOCALHOST.allows(InetAddress.getByName("127.0.0.1")));
        assertFalse(AllowList.LOCALHOST.allows(InetAddress.getByName("127.0.0.2")));
        assertFalse(AllowList.LOCALHOST.allows(InetAddress.getByName("::1")));
        assertFalse(AllowList.of().allows(InetAddress.getByName("127.0.0.1")));
        assertTrue(AllowList.of("10.0.0.0/8", "::1").allows(InetAddress.getByName("::1")));
    }
}
