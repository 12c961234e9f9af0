package org.example.forgotpassword.platform.boundary;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;

/**
 * Refuses request bodies above {@code http.max-body-bytes} (413, code 1004), whether the client announces the
 * size or streams it chunked, and requests without a content type (415, code 1003), so that every resource
 * method sees a body of a type it declared.
 */
@Provider
@PreMatching
@ApplicationScoped
public class RequestBodyLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "http.max-body-bytes", defaultValue = "4096")
    int maxBodyBytes;

    @Inject
    Replies replies;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!carriesBody(request)) {
            return;
        }
        if (request.getMediaType() == null) {
            request.abortWith(replies.error(ErrorCode.UNSUPPORTED_MEDIA_TYPE, request::getAcceptableLanguages));
            return;
        }
        if (request.getLength() > maxBodyBytes) {
            request.abortWith(replies.error(ErrorCode.PAYLOAD_TOO_LARGE, request::getAcceptableLanguages));
            return;
        }
        request.setEntityStream(new BoundedInputStream(request.getEntityStream(), maxBodyBytes));
    }

    private static boolean carriesBody(ContainerRequestContext request) {
        String method = request.getMethod();
        return HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method) || HttpMethod.PATCH.equals(method);
    }

    /** Fails the read as soon as more than the limit has arrived, so a chunked body cannot exceed it either. */
    static final class BoundedInputStream extends FilterInputStream {

        private final long limit;
        private long count;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                account(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                account(n);
            }
            return n;
        }

        private void account(int n) {
            count += n;
            if (count > limit) {
                throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE);
            }
        }
    }
}
