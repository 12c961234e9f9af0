package org.example.forgotpassword.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build ships ({@code target/stack/forgot-password.war}), as an Arquillian deployment. */
public final class ShippedWar {

    private ShippedWar() {
    }

    public static WebArchive archive() {
        return ShrinkWrap.createFromZipFile(WebArchive.class,
                new File(System.getProperty("stack.dir"), "forgot-password.war"));
    }
}
