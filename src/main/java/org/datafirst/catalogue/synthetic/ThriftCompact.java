package org.datafirst.catalogue.synthetic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The few parts of Thrift's compact protocol that Parquet's page headers and footer need: structs
 * (field ids written as deltas), i32/i64 as zigzag varints, strings, booleans and lists.
 */
final class ThriftCompact {

    static final int BOOLEAN_TRUE = 1;
    static final int BOOLEAN_FALSE = 2;
    static final int I32 = 5;
    static final int I64 = 6;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int STRUCT = 12;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private final Deque<Integer> enclosingFieldIds = new ArrayDeque<>();
    private int lastFieldId;

    ThriftCompact beginStruct() {
        enclosingFieldIds.push(lastFieldId);
        lastFieldId = 0;
        return this;
    }

    ThriftCompact endStruct() {
        out.write(0);
        lastFieldId = enclosingFieldIds.isEmpty() ? 0 : enclosingFieldIds.pop();
        return this;
    }

    ThriftCompact i32(int id, int value) {
        field(id, I32);
        varint(zigzag(value));
        return this;
    }

    ThriftCompact i64(int id, long value) {
        field(id, I64);
        varint(zigzag(value));
        return this;
    }

    ThriftCompact string(int id, String value) {
        field(id, BINARY);
        bytes(value);
        return this;
    }

    ThriftCompact bool(int id, boolean value) {
        field(id, value ? BOOLEAN_TRUE : BOOLEAN_FALSE);
        return this;
    }

    /** A struct-valued field; close it with {@link #endStruct()}. */
    ThriftCompact struct(int id) {
        field(id, STRUCT);
        return beginStruct();
    }

    /** A list-valued field; follow with {@code size} elements of {@code elementType}. */
    ThriftCompact list(int id, int elementType, int size) {
        field(id, LIST);
        if (size < 15) {
            out.write(size << 4 | elementType);
        } else {
            out.write(0xF0 | elementType);
            varint(size);
        }
        return this;
    }

    ThriftCompact i32Element(int value) {
        varint(zigzag(value));
        return this;
    }

    ThriftCompact stringElement(String value) {
        bytes(value);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void field(int id, int type) {
        int delta = id - lastFieldId;
        if (delta > 0 && delta <= 15) {
            out.write(delta << 4 | type);
        } else {
            out.write(type);
            varint(zigzag(id));
        }
        lastFieldId = id;
    }

    private void bytes(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length);
        out.write(utf8, 0, utf8.length);
    }

    private void varint(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) (value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }
}
