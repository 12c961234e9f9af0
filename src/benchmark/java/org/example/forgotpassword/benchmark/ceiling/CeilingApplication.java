package org.example.forgotpassword.benchmark.ceiling;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The ceiling WAR's JAX-RS application; deployed next to the product only by the benchmark. */
@ApplicationPath("/")
public class CeilingApplication extends Application {
}
