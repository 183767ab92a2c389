package dev.miglint.text;

import java.nio.file.Path;
import java.util.Comparator;

/** Names compared chunk by chunk, digit runs by value: {@code V1_10} after {@code V1_9}, {@code 10/} after {@code 9/}. */
public final class NaturalOrder {

    public static final Comparator<Path> PATHS = (a, b) -> compare(a.toString(), b.toString());

    private NaturalOrder() {
    }

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int cmp = compareNumbers(a.substring(i, ei), b.substring(j, ej));
                if (cmp != 0) {
                    return cmp;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }

    /** Digit runs compared as numbers (leading zeros aside), then the shorter written form first. */
    private static int compareNumbers(String x, String y) {
        int a = firstNonZero(x);
        int b = firstNonZero(y);
        int lengthA = x.length() - a;
        int lengthB = y.length() - b;
        if (lengthA != lengthB) {
            return Integer.compare(lengthA, lengthB);
        }
        for (int i = 0; i < lengthA; i++) {
            int cmp = Character.compare(x.charAt(a + i), y.charAt(b + i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(x.length(), y.length());
    }

    /** Where the number starts without its leading zeros (the last digit stays: "000" is 0). */
    private static int firstNonZero(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return i;
    }
}
