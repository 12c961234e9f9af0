package org.example.forgotpassword.platform.boundary;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * What every resource of the JSON API has: its {@link RequestLimits rate limits}, and replies in the client's
 * language ({@code Accept-Language}, through {@link Replies}, so that a malformed header means English everywhere).
 */
public abstract class ApiResource {

    @Inject
    protected RequestLimits limits;

    @Inject
    Replies replies;

    @Context
    HttpHeaders headers;

    /** 200 with the contract's success body and this message. */
    protected Response success(String messageKey) {
        return replies.success(messageKey, clientLanguages());
    }

    /** 201 Created with the contract's success body and this message. */
    protected Response created(String messageKey) {
        return replies.created(messageKey, clientLanguages());
    }

    /** The language the client is answered in, and written to. */
    protected Locale clientLocale() {
        return replies.localeOf(clientLanguages());
    }

    /** The client's language preferences, read only when asked for. */
    protected Supplier<List<Locale>> clientLanguages() {
        return headers::getAcceptableLanguages;
    }
}
