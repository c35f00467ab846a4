package org.datafirst.catalogue.http;

/** A page of results: number from 1 and size. */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 1 || size < 1) {
            throw new IllegalArgumentException("page and size start at 1");
        }
    }

    public int offset() {
        return (page - 1) * size;
    }

    public int totalPages(long total) {
        return (int) ((total + size - 1) / size);
    }
}
