package org.datafirst.catalogue.spreadsheet;

/**
 * Formula injection (CSV/DDE injection): a cell whose text starts with one of these characters may
 * be run as a formula by a spreadsheet program. Workbooks write such text as literal strings;
 * CSV prefixes it with an apostrophe, as OWASP recommends.
 */
public final class CellText {

    private CellText() {
    }

    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    /** The text to put in a CSV cell. */
    public static String forCsv(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }
}
