package org.datafirst.catalogue.spreadsheet;

/**
 * Formula injection (CSV/DDE injection): a cell whose text starts with one of these characters,
 * after any spaces, may be run as a formula by a spreadsheet program. Workbooks write such text as literal strings;
 * CSV prefixes it with an apostrophe, as OWASP recommends.
 */
public final class CellText {

    private CellText() {}

    public static boolean looksLikeFormula(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        if (first == '\t' || first == '\r') {
            return true;
        }
        // LibreOffice skips leading spaces, tabs and line breaks before a formula: " =1+1" is one too.
        int i = 0;
        while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        char trigger = i < text.length() ? text.charAt(i) : ' ';
        return trigger == '=' || trigger == '+' || trigger == '-' || trigger == '@';
    }

    /** The text to put in a CSV cell. */
    public static String forCsv(String text) {
        return looksLikeFormula(text) ? "'" + text : text;
    }
}
