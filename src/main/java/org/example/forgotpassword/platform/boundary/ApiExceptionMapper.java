package org.example.forgotpassword.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.example.forgotpassword.platform.entity.ApiException;

@Provider
@ApplicationScoped
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Inject
    Replies replies;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ApiException exception) {
        return replies.error(exception, headers::getAcceptableLanguages);
    }
}
