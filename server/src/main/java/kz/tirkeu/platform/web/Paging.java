package kz.tirkeu.platform.web;

import org.springframework.http.HttpStatus;

/**
 * The offset of a page of a list. A page number so large that page × size overflows an int became a negative OFFSET
 * and a 500 (issue [7]); no list is browsed a hundred thousand rows deep, so such a page is refused as bad input.
 */
public final class Paging {

    /** Deeper than any list is browsed by hand; a client that needs more filters instead. */
    public static final int DEEPEST_OFFSET = 100_000;

    private Paging() {}

    public static int offset(int page, int size) {
        long offset = (long) Math.max(page, 0) * Math.max(size, 0);
        if (offset > DEEPEST_OFFSET) {
            throw new ProblemException("PAGE_OUT_OF_RANGE", HttpStatus.BAD_REQUEST,
                    "Page " + page + " is deeper than a list is browsed (" + DEEPEST_OFFSET + " rows); narrow the list with its filters.",
                    String.valueOf(page), String.valueOf(DEEPEST_OFFSET));
        }
        return (int) offset;
    }
}
