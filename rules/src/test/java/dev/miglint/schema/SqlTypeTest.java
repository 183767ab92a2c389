package dev.miglint.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqlTypeTest {

    @ParameterizedTest(name = "{0} is {1}({2}) with {3} array dimensions")
    @CsvSource(delimiter = '|', value = {
            "int                                  | integer           |       | 0",
            "INT4                                 | integer           |       | 0",
            "pg_catalog.int8                      | bigint            |       | 0",
            "SERIAL                               | serial            |       | 0",
            "serial8                              | bigserial         |       | 0",
            "character varying(255)               | varchar           | 255   | 0",
            "VARCHAR ( 20 )                       | varchar           | 20    | 0",
            "character(2)                         | char              | 2     | 0",
            "bpchar                               | char              |       | 0",
            "TIMESTAMP(3)                         | timestamp         | 3     | 0",
            "timestamp(6) without time zone       | timestamp         | 6     | 0",
            "timestamp (3) WITH TIME ZONE         | timestamptz       | 3     | 0",
            "timestamptz                          | timestamptz       |       | 0",
            "time with time zone                  | timetz            |       | 0",
            "numeric(10, 2)                       | numeric           | 10,2  | 0",
            "double precision                     | double precision  |       | 0",
            "interval day to second(3)            | interval          | 3     | 0",
            "text[]                               | text              |       | 1",
            "integer ARRAY[4]                     | integer           |       | 1",
            "varchar(20)[][]                      | varchar           | 20    | 2",
            "jsonb                                | jsonb             |       | 0",
            "\"MonitorView\"                      | MonitorView       |       | 0",
            "public.\"MonitorView\"               | public.MonitorView |      | 0",
            "\"public\".\"Role\"[]                | public.Role       |       | 1",
            "\"int4\"                             | integer           |       | 0",
            "\"char\"                             | \"char\"          |       | 0",
            "\"Integer\"                          | Integer           |       | 0",
            "app.money                            | app.money         |       | 0",
    })
    void readsTheTypeAsPostgresUnderstandsIt(String written, String name, String modifiers, int arrayDims) {
        SqlType type = SqlType.parse(written);
        assertEquals(name, type.name());
        assertEquals(modifiers == null ? "" : modifiers, type.modifiers());
        assertEquals(arrayDims, type.arrayDims());
    }

    @Test
    void familiesIgnoreArrays() {
        assertTrue(SqlType.parse("int4").isInteger());
        assertFalse(SqlType.parse("int4[]").isInteger());
        assertTrue(SqlType.parse("smallserial").isSerial());
        assertTrue(SqlType.parse("character varying").isString());
        assertFalse(SqlType.parse("uuid").isString());
    }

    @Test
    void rewriteKeepsPrecisionArraysAndUpperCase() {
        assertEquals("TIMESTAMPTZ(3)", SqlType.parse("TIMESTAMP(3)").rewrite("timestamptz", true, "TIMESTAMP(3)"));
        assertEquals("timestamptz(6)[]", SqlType.parse("timestamp(6) without time zone[]")
                .rewrite("timestamptz", true, "timestamp(6) without time zone[]"));
        assertEquals("text", SqlType.parse("varchar(255)").rewrite("text", false, "varchar(255)"));
        assertEquals("jsonb", SqlType.parse("Json").rewrite("jsonb", true, "Json"));
    }

    @Test
    void anEmptyOrOddTypeKeepsItsText() {
        assertEquals("", SqlType.parse("").name());
        assertEquals("${id_type}", SqlType.parse("${id_type}").name());
    }
}
