package org.datafirst.catalogue.web;

import org.datafirst.catalogue.catalogue.SearchResult;

/** HTML text helpers: escaping and search highlights. Pure functions. */
public final class Html {

    private Html() {}

    /** Escapes text for HTML content and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Turns a {@code ts_headline} result, whose matches are wrapped in {@link SearchResult#MARK_START}
     * and {@link SearchResult#MARK_END}, into safe HTML: the text is escaped first, then the marks
     * become {@code <mark>} elements. Unbalanced marks are closed or dropped.
     */
    public static String highlight(String marked) {
        String escaped = escape(marked);
        StringBuilder out = new StringBuilder(escaped.length() + 32);
        boolean open = false;
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == SearchResult.MARK_START) {
                if (!open) {
                    out.append("<mark>");
                    open = true;
                }
            } else if (c == SearchResult.MARK_END) {
                if (open) {
                    out.append("</mark>");
                    open = false;
                }
            } else {
                out.append(c);
            }
        }
        if (open) {
            out.append("</mark>");
        }
        return out.toString();
    }
}
