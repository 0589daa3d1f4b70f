package com.paystream.scheme.bacsfile;

/** Fixed-position fields of a record, positions counted from 1 and inclusive, as the Standard 18 tables give them. */
final class Fields {
    private Fields() {
    }

    static String at(String record, int from, int to) {
        return record.substring(from - 1, to);
    }

    /** The field's value as a number, or -1 when it is not all digits. */
    static long number(String record, int from, int to) {
        String field = at(record, from, to);
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(field);
    }
}
