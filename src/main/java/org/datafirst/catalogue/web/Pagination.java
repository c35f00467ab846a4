package org.datafirst.catalogue.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** The GOV.UK pagination component's items: first, last and the pages around the current one. */
public record Pagination(String previous, String next, List<Item> items) {

    /** A page link, or an ellipsis when number is 0. */
    public record Item(int number, String href, boolean current) {
        public boolean ellipsis() {
            return number == 0;
        }
    }

    public boolean show() {
        return items.size() > 1;
    }

    public static Pagination of(int page, int totalPages, IntFunction<String> href) {
        List<Item> items = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= totalPages; n++) {
            if (n == 1 || n == totalPages || Math.abs(n - page) <= 1) {
                if (last != 0 && n - last > 1) {
                    items.add(new Item(0, null, false));
                }
                items.add(new Item(n, href.apply(n), n == page));
                last = n;
            }
        }
        return new Pagination(
                page > 1 && page <= totalPages ? href.apply(page - 1) : null,
                page < totalPages ? href.apply(page + 1) : null,
                items);
    }
}
