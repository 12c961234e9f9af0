package org.example.forgotpassword.platform.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.example.forgotpassword.platform.entity.ApiException;
import org.example.forgotpassword.platform.entity.ErrorCode;

/**
 * The last line of defence: whatever escapes a resource becomes a JSON reply with a stable code, never a stack
 * trace or a server error page. JAX-RS's own exceptions (404, 405, 415, malformed parameters) keep their status.
 * A failure while the application stops (a request admitted just before the stop that outlived its drain) is
 * answered 503/1503 with {@code Retry-After}, as the requests refused by the {@link StoppingGate}.
 */
@Provider
@ApplicationScoped
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Inject
    Replies replies;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException apiException) {
                return replies.error(apiException, headers::getAcceptableLanguages);
            }
        }
        if (exception instanceof WebApplicationException webException) {
            int status = webException.getResponse().getStatus();
            return replies.error(ErrorCode.forHttpStatus(status), headers::getAcceptableLanguages);
        }
        // The exception's class only: messages of library exceptions can echo client input.
        LOG.log(Level.SEVERE, "Unexpected {0} while handling a request", exception.getClass().getName());
        LOG.log(Level.FINE, "Unexpected failure", exception);
        if (StoppingGate.closed()) {
            // the stop tore down what the request needed; a retry goes to another instance (at worst a second mail)
            return replies.error(ErrorCode.QUEUE_UNAVAILABLE, headers::getAcceptableLanguages);
        }
        return replies.error(ErrorCode.INTERNAL_ERROR, headers::getAcceptableLanguages);
    }
}
