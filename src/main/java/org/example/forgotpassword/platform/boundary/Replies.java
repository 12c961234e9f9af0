package org.example.forgotpassword.platform.boundary;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.example.forgotpassword.platform.control.Messages;
import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;
import org.example.forgotpassword.platform.entity.Reply;
import org.example.forgotpassword.platform.entity.SupportedLocales;

/**
 * Builds the JSON replies of the contract, localized for the client. Callers pass the client's language
 * preferences lazily ({@code headers::getAcceptableLanguages}) so that a malformed header is handled here once.
 */
@ApplicationScoped
public class Replies {

    /** Seconds a client is asked to wait when the service cannot accept work right now. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    Messages messages;

    public Response success(String messageKey, Supplier<List<Locale>> acceptableLanguages) {
        return json(200, new Reply(0, messages.text(messageKey, localeOf(acceptableLanguages)))).build();
    }

    public Response error(ErrorCode errorCode, Supplier<List<Locale>> acceptableLanguages) {
        return error(new ApiException(errorCode), acceptableLanguages);
    }

    public Response error(ApiException exception, Supplier<List<Locale>> acceptableLanguages) {
        ErrorCode errorCode = exception.errorCode();
        Response.ResponseBuilder reply = json(errorCode.httpStatus(),
                new Reply(errorCode.code(), messages.text(errorCode.messageKey(), localeOf(acceptableLanguages))));
        if (errorCode.asksClientToRetryLater()) {
            long seconds = exception.retryAfter().map(wait -> Math.max(1, (wait.toMillis() + 999) / 1000))
                    .orElse((long) RETRY_AFTER_SECONDS);
            reply.header(HttpHeaders.RETRY_AFTER, seconds);
        }
        return reply.build();
    }

    /** 201 Created with the contract's success body. */
    public Response created(String messageKey, Supplier<List<Locale>> acceptableLanguages) {
        return json(201, new Reply(0, messages.text(messageKey, localeOf(acceptableLanguages)))).build();
    }

    /** The reply language; a malformed Accept-Language header is not worth an error, it means English. */
    public Locale localeOf(Supplier<List<Locale>> acceptableLanguages) {
        try {
            return messages.preferredLocale(acceptableLanguages.get());
        } catch (RuntimeException unparseableHeader) {
            return SupportedLocales.ENGLISH;
        }
    }

    private static Response.ResponseBuilder json(int status, Reply reply) {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .cacheControl(noStore).entity(reply);
    }
}
