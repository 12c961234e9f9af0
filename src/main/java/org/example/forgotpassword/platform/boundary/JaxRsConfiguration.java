package org.example.forgotpassword.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The API lives at the server root, as the HTTP contract says ({@code /password/forgot/}, ...). */
@ApplicationPath("/")
public class JaxRsConfiguration extends Application {
}
