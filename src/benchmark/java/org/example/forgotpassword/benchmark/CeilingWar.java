package org.example.forgotpassword.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.example.forgotpassword.benchmark.ceiling.CeilingResource;

/**
 * Packs the compiled classes of the {@code ceiling} package into a WAR of their own, so that the trivial endpoint
 * is deployed next to the product on the same server but never becomes part of the product WAR.
 */
final class CeilingWar {

    static final String CONTEXT_ROOT = "/ceiling";
    static final String PATH = CONTEXT_ROOT + "/forgot";

    private CeilingWar() {
    }

    static Path write(Path war) {
        String packagePath = CeilingResource.class.getPackageName().replace('.', '/');
        try {
            Path classes = Path.of(CeilingResource.class.getResource("CeilingResource.class").toURI()).getParent();
            Files.createDirectories(war.getParent());
            List<Path> classFiles;
            try (Stream<Path> files = Files.list(classes)) {
                classFiles = files.filter(file -> file.toString().endsWith(".class")).sorted().toList();
            }
            try (OutputStream out = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Path classFile : classFiles) {
                    zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + packagePath + "/" + classFile.getFileName()));
                    Files.copy(classFile, zip);
                    zip.closeEntry();
                }
            }
            return war;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
