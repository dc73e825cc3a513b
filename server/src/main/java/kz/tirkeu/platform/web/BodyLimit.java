package kz.tirkeu.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body has a limit that fits its endpoint, enforced while it is read (issue [7]): an announced length
 * over the limit is refused before a byte is read, and a chunked body stops at the limit. Before, the payment callback
 * read 1 GB anonymous uploads whole into memory before checking their HMAC.
 *
 * <p>The limits: {@value #MACHINE_CALLBACK} bytes for the callbacks of the payment gateway and the SMS centre (a few
 * hundred bytes in practice), {@value #FILE_UPLOAD} for a certificate file checked on /verify (512 KB and the multipart
 * envelope), {@value #DEFAULT} for everything else (the largest ordinary body, a dealer's report, is under 100 KB).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodyLimit extends OncePerRequestFilter {

    static final int MACHINE_CALLBACK = 64 * 1024;
    static final int FILE_UPLOAD = 600 * 1024;
    static final int DEFAULT = 1024 * 1024;

    private static final Map<String, Integer> BY_PATH = Map.of(
            "/api/v1/payments/callbacks", MACHINE_CALLBACK,
            "/api/v1/notifications/sms-receipts", MACHINE_CALLBACK,
            "/verify", FILE_UPLOAD);

    private final ProblemWriter problems;

    BodyLimit(ProblemWriter problems) {
        this.problems = problems;
    }

    static int limitFor(String path) {
        return BY_PATH.getOrDefault(path, DEFAULT);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        int limit = limitFor(request.getRequestURI());
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (ServletException | RuntimeException e) {
            if (causedByLimit(e) && !response.isCommitted()) {
                response.reset();
                refuse(request, response, limit);
                return;
            }
            throw e;
        }
    }

    private static boolean causedByLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int limit) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(request, response, new ProblemException("BODY_TOO_LARGE", HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than this address accepts (" + limit / 1024 + " KB).", String.valueOf(limit / 1024)));
    }

    /** Thrown by the reading, wherever the body is read from. */
    static final class TooLarge extends IOException {
        TooLarge(int limit) {
            super("the request body is over " + limit + " bytes");
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final int limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, int limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final int limit;
        private long read;

        Counting(ServletInputStream in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        private int count(int n) throws IOException {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new TooLarge(limit);
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return count(in.read(buffer, offset, length));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

}
